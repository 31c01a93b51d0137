import { ensureTestLibvirtd } from './test-libvirtd';

// The integration tier's global setup: the test suite's own libvirtd is up before any file runs (quick when it is).
export default async function setup(): Promise<void> {
  await ensureTestLibvirtd();
}
