import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { KvmReport, ReadinessCheck } from '@/lib/kvm';

type KvmModule = typeof import('@/lib/kvm');

// lib/kvm is loaded at run time, outside Next's bundle. Bundled, lib/kvm/addon.ts breaks: Turbopack rewrites its
// `new URL('../../native/…', import.meta.url)` into an asset URL that fileURLToPath rejects (so `next build`
// fails), and a bundled import.meta.url would point into .next anyway. Unbundled, the module sits at its real
// path and finds native/build/Release. The custom server runs under tsx, which loads the .ts sources.

let loading: Promise<KvmModule> | undefined;

export function kvmModule(): Promise<KvmModule> {
  const file = pathToFileURL(path.join(process.cwd(), 'lib', 'kvm', 'index.ts')).href;
  loading ??= import(/* turbopackIgnore: true */ /* webpackIgnore: true */ /* @vite-ignore */ file) as Promise<KvmModule>;
  return loading;
}

/** The one check shown when lib/kvm itself cannot be loaded (a process not started through `npm start`). */
export function unloadableCheck(err: unknown): ReadinessCheck {
  return {
    id: 'device',
    title: 'KVM device',
    status: 'fail',
    detail: `the KVM probe could not be loaded: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
    fix: 'Start Vireo with `npm start` from its installation directory.',
  };
}

/**
 * The checks for a probe outcome (lib/kvm's evaluateReadiness), or the one fail row when lib/kvm cannot load.
 * Takes the two fields it reads rather than readiness-probe's ProbeOutcome: that module loads lib/kvm through this one.
 */
export async function checksFor(outcome: { report: KvmReport | null; error: unknown }): Promise<ReadinessCheck[]> {
  try {
    const kvm = await kvmModule();
    return kvm.evaluateReadiness(outcome.report ? { report: outcome.report } : { error: outcome.error });
  } catch (err) {
    return [unloadableCheck(err)];
  }
}
