import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureTestLibvirtd } from '../test/support/test-libvirtd';

// The journeys run the production build, so build first (set VIREO_E2E_SKIP_BUILD=1 to reuse .next as is), against
// the test suite's own libvirtd (scripts/libvirtd-test.sh), started here when it is not up.
export default async function setup(): Promise<void> {
  await ensureTestLibvirtd();
  if (process.env.VIREO_E2E_SKIP_BUILD === '1') return;
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}
