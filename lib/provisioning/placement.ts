import type { PlacementRequest } from '@/lib/placement/types';
import type { CreatePlan } from './plan';

// What a planned VM asks of its host, in placement's terms (lib/placement): the create job refuses a host that
// breaks the placement rules with the same reasons the wizard's host step shows.

export function placementRequestOf(plan: CreatePlan): PlacementRequest {
  const { spec } = plan;
  const src = spec.source;
  const pools = [
    ...(plan.newDisk ? [plan.newDisk.pool] : []),
    ...(plan.seed ? [plan.seed.pool] : []),
    ...(src.kind === 'iso'
      ? [src.iso.pool]
      : src.kind === 'import'
        ? [src.disk.pool]
        : src.kind === 'cloud-image' && src.image.from === 'volume'
          ? [src.image.pool]
          : []),
  ];
  return {
    vcpus: spec.resources.vcpus,
    memoryMiB: spec.resources.memoryMiB,
    pools: [...new Set(pools)],
    disk: plan.newDisk ? { pool: plan.newDisk.pool, bytes: plan.newDisk.sizeBytes } : null,
    networks: spec.network.type === 'network' ? [spec.network.network] : [],
    tags: spec.tags,
  };
}
