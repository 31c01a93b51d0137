import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { probeBootSector, SECTOR_BYTES } from './boot-sector';

const run = promisify(execFile);
const tools = existsSync('/usr/bin/as') && existsSync('/usr/bin/ld');

describe('the probe boot sector', () => {
  it('is one sector with the boot signature, starting with cli', () => {
    const s = probeBootSector();
    expect(s.length).toBe(SECTOR_BYTES);
    expect([s[510], s[511]]).toEqual([0x55, 0xaa]);
    expect(s[0]).toBe(0xfa);
    // Its own copy each time: a caller writing into it changes no one else's.
    s[0] = 0;
    expect(probeBootSector()[0]).toBe(0xfa);
  });

  it.skipIf(!tools)(`is what boot-sector.S assembles to${tools ? '' : ' (SKIPPED: binutils not installed)'}`, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'vireo-boot-'));
    try {
      await run('as', ['--32', '-o', path.join(dir, 'b.o'), path.join(import.meta.dirname, 'boot-sector.S')]);
      await run('ld', ['-m', 'elf_i386', '-Ttext', '0x7c00', '--oformat', 'binary', '-o', path.join(dir, 'b.bin'), path.join(dir, 'b.o')]);
      expect((await readFile(path.join(dir, 'b.bin'))).equals(probeBootSector())).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
