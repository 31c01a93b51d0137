import { EventEmitter } from 'node:events';
import { Duplex, PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type ExecChannel, SshTunnel } from './ssh-tunnel';

/** An exec channel as ssh2 presents it: remote stdout readable, stdin writable, stderr beside, 'exit' then 'close'. */
class FakeChannel extends Duplex implements ExecChannel {
  readonly stderr = new PassThrough();
  written: Buffer[] = [];
  closedByTunnel = false;
  override _read(): void {}
  override _write(chunk: Buffer, _e: BufferEncoding, cb: () => void): void {
    this.written.push(chunk);
    cb();
  }
  close(): void {
    this.closedByTunnel = true;
  }
  /** The remote command ends: its status, then the channel closes. */
  finish(code: number | null, signal?: string): void {
    this.emit('exit', code, signal);
    this.emit('close');
  }
}

class FakeSession extends EventEmitter {
  ended = 0;
  destroyed = 0;
  end(): void {
    this.ended++;
  }
  destroy(): void {
    this.destroyed++;
  }
}

const make = () => {
  const channel = new FakeChannel();
  const session = new FakeSession();
  return { channel, session, tunnel: new SshTunnel(channel, session, 'ssh root@h:22') };
};
const closed = (d: Duplex) => new Promise<Error | undefined>((resolve) => d.on('error', resolve).on('close', () => resolve(undefined)));

describe('SshTunnel', () => {
  it('carries bytes both ways', async () => {
    const { channel, tunnel } = make();
    const got = new Promise<Buffer>((resolve) => tunnel.once('data', resolve));
    channel.push(Buffer.from('from daemon'));
    expect((await got).toString()).toBe('from daemon');
    await new Promise<void>((resolve) => tunnel.write(Buffer.from('to daemon'), () => resolve()));
    expect(Buffer.concat(channel.written).toString()).toBe('to daemon');
  });

  it('the remote proxy failing: the error names its status and stderr', async () => {
    const { channel, tunnel } = make();
    const done = closed(tunnel);
    channel.stderr.write("virt-ssh-helper: cannot connect to '/var/run/libvirt/libvirt-sock': No such file or directory\n");
    await new Promise((r) => setImmediate(r));
    channel.finish(1);
    const err = await done;
    expect(err).toMatchObject({ name: 'ConnectionError', reason: 'interrupted' });
    expect(err?.message).toBe(
      "the remote proxy on ssh root@h:22 exited with status 1: virt-ssh-helper: cannot connect to '/var/run/libvirt/libvirt-sock': No such file or directory",
    );
  });

  it('killed by a signal says so', async () => {
    const { channel, tunnel } = make();
    const done = closed(tunnel);
    channel.finish(null, 'KILL');
    expect((await done)?.message).toMatch(/was killed by KILL/);
  });

  it('a clean exit ends the stream without an error', async () => {
    const { channel, tunnel } = make();
    tunnel.resume();
    const ended = new Promise((resolve) => tunnel.once('end', resolve));
    const done = closed(tunnel);
    channel.finish(0);
    await ended;
    expect(await done).toBeUndefined();
  });

  it('destroying it closes the channel and the SSH session', async () => {
    const { channel, session, tunnel } = make();
    tunnel.destroy();
    await closed(tunnel);
    expect(channel.closedByTunnel).toBe(true);
    expect(session.ended).toBe(1);
  });

  it('the SSH session failing destroys it with the reason', async () => {
    const { session, tunnel } = make();
    const done = closed(tunnel);
    session.emit('error', new Error('read ECONNRESET'));
    expect((await done)?.message).toBe('SSH connection to ssh root@h:22 failed: read ECONNRESET');
  });

  it('backpressure: a full tunnel pauses the channel until read', async () => {
    const { channel, tunnel } = make();
    const big = Buffer.alloc(64 * 1024);
    for (let i = 0; i < 8 && !channel.isPaused(); i++) channel.push(big);
    await new Promise((r) => setImmediate(r));
    expect(channel.isPaused()).toBe(true);
    tunnel.resume();
    await new Promise((r) => setImmediate(r));
    expect(channel.isPaused()).toBe(false);
  });
});
