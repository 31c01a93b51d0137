import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// The journeys run the production build, so build first (set VIREO_E2E_SKIP_BUILD=1 to reuse .next as is).
export default function setup(): void {
  if (process.env.VIREO_E2E_SKIP_BUILD === '1') return;
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}
