// The test suite's own system libvirtd (scripts/libvirtd-test.sh): tests, e2e servers and benchmarks reach it
// through these URIs, never the host's qemu:///system, so a Vireo serving on this host (scripts/up.sh, console
// capture "all") and `npm test` neither see nor disturb each other.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const script = fileURLToPath(new URL('../../scripts/libvirtd-test.sh', import.meta.url));

/** Where the script keeps the daemon's state; its socket is `<dir>/run/libvirt-sock`. */
export const testLibvirtdDir = process.env.VIREO_TEST_LIBVIRTD_DIR ?? '/run/vireo-test/libvirtd';
/** Directory of the test daemon's "default" pool; test pools are directories beside it. */
export const testImagesDir = process.env.VIREO_TEST_IMAGES_DIR ?? '/var/lib/vireo-test/images';

/** The daemon's read-write socket (its /run/libvirt/libvirt-sock, seen from outside its mount namespace). */
export const testSocket = `${testLibvirtdDir}/run/libvirt-sock`;
const socket = testSocket;

/** Where a test's own directory pool goes (under the test daemon's data, not the host's image directory). */
export function testPoolDir(name: string): string {
  return `${testImagesDir.replace(/\/[^/]+$/, '')}/pools/${name}`;
}

/** QEMU on the test daemon: what `qemu:///system` is for the rest of the host. */
export const testSystemUri = `qemu:///system?socket=${socket}`;
/** libvirt's in-memory test driver, served by the daemon listening on `at` (a bench's own daemons). */
export const testDriverUriAt = (at: string) => `test:///default?socket=${at}`;
/** libvirt's in-memory test driver, served by the test daemon. */
export const testDriverUri = testDriverUriAt(socket);
/** The bridge of the test daemon's "default" network (the host's own is virbr0: test guests stay off it). */
export const testBridge = 'vireotest0';
/** The host's own daemon, which a serving Vireo uses: tests only ever read from it. */
export const hostSystemUri = 'qemu:///system';

/** Starts the test daemon unless it already answers (a few milliseconds then; about 10 s from cold, as root). */
export async function ensureTestLibvirtd(): Promise<void> {
  await run('bash', [script, 'start'], { timeout: 60_000 });
}
