import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { PacketSplitter, STATUS, TYPE, packet, remoteErrorBody, type ParsedPacket } from './bytes';

/**
 * The daemon side of a real unix socket pair, driven by a test: it reads the client's packets with the test-only
 * splitter and answers with hand-built bytes.
 */
export class FakeDaemon {
  private readonly splitter = new PacketSplitter();
  private readonly queue: ParsedPacket[] = [];
  private waiters: Array<(p: ParsedPacket) => void> = [];

  constructor(readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      for (const p of this.splitter.push(chunk)) {
        const w = this.waiters.shift();
        if (w) w(p);
        else this.queue.push(p);
      }
    });
    socket.on('error', () => undefined);
  }

  /** The next packet the client sent. */
  next(timeoutMs = 2000): Promise<ParsedPacket> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`the client sent nothing within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = (p: ParsedPacket) => {
        clearTimeout(t);
        resolve(p);
      };
      this.waiters.push(waiter);
    });
  }

  async nextN(n: number): Promise<ParsedPacket[]> {
    const out: ParsedPacket[] = [];
    for (let i = 0; i < n; i++) out.push(await this.next());
    return out;
  }

  /** Packets received but not yet taken with next(). */
  get unread(): number {
    return this.queue.length;
  }

  write(bytes: Buffer): boolean {
    return this.socket.write(bytes);
  }

  reply(call: ParsedPacket, body: Buffer = Buffer.alloc(0)): void {
    this.write(packet({ proc: call.proc, type: TYPE.REPLY, serial: call.serial, status: STATUS.OK }, body));
  }

  replyError(call: ParsedPacket, code: number, domain: number, message: string): void {
    this.write(packet({ proc: call.proc, type: TYPE.REPLY, serial: call.serial, status: STATUS.ERROR }, remoteErrorBody(code, domain, message)));
  }

  streamPacket(call: ParsedPacket, status: number, data: Buffer = Buffer.alloc(0)): Buffer {
    return packet({ proc: call.proc, type: TYPE.STREAM, serial: call.serial, status }, data);
  }
}

export interface SocketPair {
  client: net.Socket;
  daemon: FakeDaemon;
  dispose(): Promise<void>;
}

/** A connected unix socket pair in a fresh temporary directory. */
export async function socketPair(): Promise<SocketPair> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vireo-rpc-'));
  const sockPath = path.join(dir, 'sock');
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(sockPath, resolve));
  const accepted = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
  const client = net.connect(sockPath);
  await new Promise<void>((resolve, reject) => {
    client.once('connect', resolve);
    client.once('error', reject);
  });
  const daemon = new FakeDaemon(await accepted);
  return {
    client,
    daemon,
    async dispose() {
      client.destroy();
      daemon.socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
