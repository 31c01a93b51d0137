// Known blocks written by a fixture guest onto its disk and looked for in images afterwards (backups, restores):
// the guest writes through its own block layer, qemu-img reads the image on the host as an independent witness.
import { execFile } from 'node:child_process';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ConsoleReader } from './console-reader';

const run = promisify(execFile);

/** `length` bytes of `byte` at `offset`; offset and length are multiples of 64 KiB. */
export interface Block {
  offset: number;
  length: number;
  byte: number;
}

/** Makes the fixture guest write the block to its vda, through to the disk. The shell must be at its prompt. */
export async function writeGuestBlock(reader: ConsoleReader, b: Block, device = '/dev/vda'): Promise<void> {
  const chr = `\\${b.byte.toString(8).padStart(3, '0')}`;
  const chunks = b.length / 65536;
  await reader.exec(
    `dd if=/dev/zero bs=65536 count=${chunks} 2>/dev/null | tr '\\000' '${chr}' | dd of=${device} bs=65536 seek=${b.offset / 65536} conv=fsync 2>/dev/null; sync`,
    120_000,
  );
}

/** Whether the image (any format, read through its backing chain) holds the block. */
export async function imageHolds(imagePath: string, b: Block): Promise<boolean> {
  const dir = await mkdtemp(join(tmpdir(), 'vireo-blocks-'));
  try {
    await run('qemu-img', ['convert', '-O', 'raw', imagePath, `${dir}/raw`]);
    const fh = await open(`${dir}/raw`, 'r');
    try {
      const buf = Buffer.alloc(b.length);
      await fh.read(buf, 0, b.length, b.offset);
      return buf.every((x) => x === b.byte);
    } finally {
      await fh.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
