import { createServer, connect, type Server, type Socket } from 'node:net';
import { testSocket } from '@/test/support/test-libvirtd';

/**
 * A loopback TCP relay to the test suite's libvirtd socket that a test can cut and restore, so "libvirtd is down" can be
 * played without stopping the daemon other tests share. Vireo reaches it as qemu+tcp://127.0.0.1:<port>/system.
 */
export class LibvirtProxy {
  private server: Server | null = null;
  private sockets = new Set<Socket>();

  private constructor(
    readonly port: number,
    private readonly target: string,
  ) {}

  static async start(target = testSocket): Promise<LibvirtProxy> {
    const probe = createServer();
    const port = await new Promise<number>((resolve) => probe.listen(0, '127.0.0.1', () => resolve((probe.address() as { port: number }).port)));
    await new Promise((r) => probe.close(r));
    const proxy = new LibvirtProxy(port, target);
    await proxy.up();
    return proxy;
  }

  get uri(): string {
    return `qemu+tcp://127.0.0.1:${this.port}/system`;
  }

  async up(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => {
      const upstream = connect(this.target);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  /** Refuses new connections and drops open ones, as a stopped daemon would. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise((r) => server.close(r));
  }
}
