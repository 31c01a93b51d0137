import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseNestedParameter, readNested } from './nested';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A fake /sys/module tree: module name → contents of parameters/nested (null: no such file). */
async function sysModule(modules: Record<string, string | null>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'vireo-sysmod-'));
  dirs.push(root);
  for (const [name, nested] of Object.entries(modules)) {
    await mkdir(path.join(root, name, 'parameters'), { recursive: true });
    if (nested !== null) await writeFile(path.join(root, name, 'parameters', 'nested'), nested);
  }
  return root;
}

describe('nested virtualization', () => {
  it('parses both spellings of module booleans', () => {
    expect(['Y\n', '1\n', 'N\n', '0\n', 'maybe'].map(parseNestedParameter)).toEqual([true, true, false, false, null]);
  });

  it('reads kvm_intel nested=Y', async () => {
    expect(await readNested(await sysModule({ kvm: null, kvm_intel: 'Y\n', snd: null }))).toEqual({
      module: 'kvm_intel',
      enabled: true,
      kvmModules: ['kvm', 'kvm_intel'],
    });
  });

  it('reads kvm_amd nested=0', async () => {
    expect(await readNested(await sysModule({ kvm: null, kvm_amd: '0\n' }))).toMatchObject({ module: 'kvm_amd', enabled: false });
  });

  it('reports null when no vendor module is loaded, listing what is', async () => {
    expect(await readNested(await sysModule({ kvm: null, kvm_pvm: null }))).toEqual({
      module: null,
      enabled: null,
      kvmModules: ['kvm', 'kvm_pvm'],
    });
  });

  it('reports enabled null when the parameter file is missing, and copes with no /sys at all', async () => {
    expect(await readNested(await sysModule({ kvm_intel: null }))).toMatchObject({ module: 'kvm_intel', enabled: null });
    expect(await readNested('/nonexistent/sys/module')).toEqual({ module: null, enabled: null, kvmModules: [] });
  });
});
