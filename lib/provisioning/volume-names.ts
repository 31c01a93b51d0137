import type { CreateVmSpec } from './spec';

// The volumes a new VM gets are named after it, so an admin looking at a pool sees whose they are.

export function diskVolumeName(spec: Pick<CreateVmSpec, 'name' | 'storage'>): string {
  return `${spec.name}.${spec.storage.format === 'qcow2' ? 'qcow2' : 'img'}`;
}

export function seedVolumeName(name: string): string {
  return `${name}-seed.iso`;
}
