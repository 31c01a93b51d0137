import { Duplex } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readAcceptance } from './tls-acceptance';

/** The decrypted side of a TLS socket: what the daemon sends arrives with feed(). */
class FakeSocket extends Duplex {
  override _read(): void {}
  override _write(_c: Buffer, _e: BufferEncoding, cb: () => void): void {
    cb();
  }
  feed(bytes: number[] | null): void {
    this.push(bytes && Buffer.from(bytes));
  }
}

describe('readAcceptance', () => {
  it('takes the single byte 1 and leaves what follows for the next reader', async () => {
    const s = new FakeSocket();
    const accepted = readAcceptance(s, 'tls h:16514');
    s.feed([1, 0, 0, 0, 28]);
    await accepted;
    const rest = await new Promise<Buffer>((resolve) => s.once('data', resolve));
    expect([...rest]).toEqual([0, 0, 0, 28]);
  });

  it('waits for the byte when it comes later', async () => {
    const s = new FakeSocket();
    const accepted = readAcceptance(s, 'tls h:16514');
    setTimeout(() => s.feed([1]), 20);
    await expect(accepted).resolves.toBeUndefined();
  });

  it('another byte: not libvirtd', async () => {
    const s = new FakeSocket();
    const accepted = readAcceptance(s, 'tls h:16514');
    s.feed([0x15]);
    await expect(accepted).rejects.toMatchObject({
      reason: 'protocol',
      message: expect.stringMatching(/sent 0x15 where libvirtd sends its acceptance byte 0x01/),
    });
  });

  it('the end of the stream instead: the daemon refused us', async () => {
    const s = new FakeSocket();
    const accepted = readAcceptance(s, 'tls h:16514');
    s.feed(null);
    s.resume();
    await expect(accepted).rejects.toMatchObject({ reason: 'dial-failed', message: expect.stringMatching(/tls_allowed_dn_list/) });
  });

  it('an error instead: said plainly', async () => {
    const s = new FakeSocket();
    const accepted = readAcceptance(s, 'tls h:16514');
    s.destroy(Object.assign(new Error('alert'), { code: 'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA' }));
    await expect(accepted).rejects.toMatchObject({ reason: 'dial-failed', message: expect.stringMatching(/alert unknown ca/) });
  });
});
