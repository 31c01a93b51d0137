// Proves the guest fixture boots under libvirt: define a TCG domain, start it paused, attach to its
// serial pty, resume, wait for the banner, run a command in the shell, then power it off via ACPI.
// Run with scripts/check-fixture.sh. Prints one line of timings on success.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConsoleReader } from '../test/support/console-reader';
import { bootBanner, ensureFixtures, tcgGuestXml } from '../test/support/fixtures';
import { virsh, virshCleanupDomain, virshDefine, virshDomState } from '../test/support/virsh';

const run = promisify(execFile);

async function waitForState(name: string, state: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await virshDomState(name)) !== state) {
    if (Date.now() > deadline) throw new Error(`${name} did not reach "${state}" in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function main(): Promise<void> {
  const name = `vireo-fixture-check-${process.pid}`;
  await ensureFixtures();
  const xml = tcgGuestXml({ name, memoryMiB: 192 });
  const xmlPath = join(tmpdir(), `${name}.xml`);
  await writeFile(xmlPath, xml);
  let serial: ConsoleReader | undefined;
  try {
    await run('virt-xml-validate', [xmlPath, 'domain']);
    await virshCleanupDomain(name);
    await virshDefine(xml);
    // Start paused so the reader is attached before the guest prints anything.
    await virsh(['start', name, '--paused']);
    serial = await ConsoleReader.forDomain(name);
    const t0 = Date.now();
    await virsh(['resume', name]);
    await serial.waitFor(`${bootBanner} hostname=${name}`, 30_000);
    const bootMs = Date.now() - t0;
    await serial.waitFor('vireo# ', 10_000);
    await serial.run('echo $((6*7))', /^42\r?$/m, 10_000);
    await serial.waitFor('vireo# ', 10_000, serial.transcript.lastIndexOf('42'));
    const drivers = await serial.exec('ls /sys/bus/virtio/drivers');
    if (!/virtio_blk/.test(drivers) || !/virtio_net/.test(drivers)) {
      throw new Error(`virtio drivers missing in guest: ${drivers}`);
    }
    const t1 = Date.now();
    await virsh(['shutdown', name]);
    await waitForState(name, 'shut off', 30_000);
    const shutdownMs = Date.now() - t1;
    console.log(`check-fixture: ok (banner ${bootMs} ms after resume, ACPI shutdown ${shutdownMs} ms)`);
  } catch (err) {
    if (serial) process.stderr.write(`--- console transcript ---\n${serial.transcript}\n---\n`);
    throw err;
  } finally {
    serial?.close();
    await virshCleanupDomain(name);
    await rm(xmlPath, { force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`check-fixture: FAILED: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
