import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface NestedInfo {
  /** The vendor module whose "nested" parameter was read; null when neither is loaded. */
  module: 'kvm_intel' | 'kvm_amd' | null;
  /** Whether guests may run their own hypervisors; null when it cannot be known. */
  enabled: boolean | null;
  /** Every loaded kvm* module, e.g. ["kvm", "kvm_amd"], to explain an unusual setup. */
  kvmModules: string[];
}

/** Module parameters print booleans as Y/N (kvm_intel) or 1/0 (kvm_amd). */
export function parseNestedParameter(text: string): boolean | null {
  const v = text.trim();
  if (v === 'Y' || v === 'y' || v === '1') return true;
  if (v === 'N' || v === 'n' || v === '0') return false;
  return null;
}

/** Reads /sys/module/kvm_{intel,amd}/parameters/nested. `sysModule` is injectable for tests. */
export async function readNested(sysModule = '/sys/module'): Promise<NestedInfo> {
  const kvmModules = (await readdir(sysModule).catch(() => [] as string[])).filter((m) => m === 'kvm' || m.startsWith('kvm_')).sort();
  for (const module of ['kvm_intel', 'kvm_amd'] as const) {
    if (!kvmModules.includes(module)) continue;
    const text = await readFile(path.join(sysModule, module, 'parameters', 'nested'), 'utf8').catch(() => null);
    return { module, enabled: text === null ? null : parseNestedParameter(text), kvmModules };
  }
  return { module: null, enabled: null, kvmModules };
}
