// qemu-img as an independent witness of an image file: what the host's own tool reads in it, not what libvirt says.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** `qemu-img info` of the file as parsed JSON: format, virtual-size, backing-filename and the like. */
export async function qemuImgInfo(file: string): Promise<Record<string, unknown>> {
  const { stdout } = await run('qemu-img', ['info', '--output=json', file]);
  return JSON.parse(stdout) as Record<string, unknown>;
}
