import type { Duplex } from 'node:stream';
import { DomainConsoleFlags, DomainState, ErrorNumber, type LibvirtClient } from '@/lib/libvirt';
import { isLibvirtError } from '@/lib/errors';
import { RingBuffer } from './ring-buffer';
import type { SerialState, SerialStatus } from './protocol';

export interface ConsoleViewer {
  output(chunk: Buffer): void;
  state(status: SerialStatus): void;
}

export interface VmIdentity {
  name: string;
  uuid: string;
}

const BUSY_RETRY_MS = 3000;
const FAILED_RETRY_MS = 5000;
const MAX_PENDING_INPUT = 256 * 1024;
const FLUSH_BYTES = 64 * 1024;

/**
 * The one libvirt console stream Vireo holds for a running VM. libvirt lets a single client own a domain's
 * console; Vireo is that client and shares it: it reads the stream all the time (a guest never blocks on its
 * serial port because nobody looks), keeps the last bytes as scrollback, and hands output to every attached
 * viewer. When a foreign client (virsh console) holds or takes the console, the session says "busy" and
 * retries quietly until it is free again, or takes it back on request (FORCE).
 */
export class SerialSession {
  readonly log: RingBuffer;
  private stream: Duplex | null = null;
  private readonly viewers = new Set<ConsoleViewer>();
  private status: SerialStatus = { state: 'connecting', message: null };
  private retryTimer: NodeJS.Timeout | null = null;
  private opening: Promise<void> | null = null;
  private closed = false;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private flushScheduled = false;

  constructor(
    private readonly client: LibvirtClient,
    readonly vm: VmIdentity,
    scrollbackBytes: number,
    /** libvirt's alias of the console device (serial0, console1, …); null for the VM's first console. */
    readonly device: string | null = null,
  ) {
    this.log = new RingBuffer(scrollbackBytes);
  }

  get state(): SerialState {
    return this.status.state;
  }

  get viewerCount(): number {
    return this.viewers.size;
  }

  /** Adds a viewer: it gets the scrollback, the current state, then live output. Returns the detach function. */
  attach(viewer: ConsoleViewer): () => void {
    this.flushOutput();
    if (this.log.size) viewer.output(this.log.contents());
    viewer.state(this.status);
    this.viewers.add(viewer);
    return () => this.viewers.delete(viewer);
  }

  /** Keystrokes from a viewer; dropped while nobody holds the guest's console. */
  input(data: Buffer): boolean {
    if (!this.stream || this.status.state !== 'live') return false;
    // A guest that stops reading its console must not make typed or pasted input pile up here.
    if (this.stream.writableLength > MAX_PENDING_INPUT) return false;
    this.stream.write(data);
    return true;
  }

  /** Opens (or re-opens) the console. Concurrent calls share one attempt. */
  open(force = false): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.stream && !force) return Promise.resolve();
    this.opening ??= this.tryOpen(force).finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  /** Takes the console back from whoever holds it (libvirt's FORCE), e.g. a forgotten `virsh console`. */
  async takeOver(): Promise<void> {
    if (this.opening) await this.opening;
    this.dropStream();
    await this.open(true);
  }

  /** The guest stopped: libvirt would keep the stream open, so let go of it here. */
  guestStopped(): void {
    this.clearRetry();
    this.dropStream();
    this.setStatus('stopped', 'The virtual machine is not running. The console reconnects when it starts.');
  }

  libvirtDown(): void {
    this.clearRetry();
    this.dropStream();
    this.setStatus('libvirt-down', 'libvirtd is not reachable. The console reconnects when it is back.');
  }

  close(): void {
    this.closed = true;
    this.clearRetry();
    this.dropStream();
    this.viewers.clear();
  }

  private async tryOpen(force: boolean): Promise<void> {
    this.clearRetry();
    if (this.client.state !== 'open') return this.libvirtDown();
    if (this.status.state !== 'live') this.setStatus('connecting', null);
    try {
      const dom = await this.client.domains.lookupByUuid(this.vm.uuid);
      const { state } = await this.client.domains.state(dom);
      if (state === DomainState.SHUTOFF || state === DomainState.CRASHED || state === DomainState.NOSTATE) return this.guestStopped();
      const stream = await this.client.domains.openConsole(dom, this.device, force ? DomainConsoleFlags.FORCE : 0);
      if (this.closed) {
        stream.destroy();
        return;
      }
      this.adopt(stream);
      this.setStatus('live', null);
    } catch (err) {
      this.openFailed(err);
    }
  }

  private adopt(stream: Duplex): void {
    this.stream = stream;
    stream.on('data', (chunk: Buffer) => this.queueOutput(chunk));
    const gone = () => {
      if (this.stream !== stream) return;
      this.stream = null;
      this.streamLost();
    };
    stream.on('error', gone);
    stream.on('end', gone);
    stream.on('close', gone);
  }

  // The stream ended while we still wanted it: the guest stopped (its event follows), libvirtd went away, or
  // another client forced the console over. A plain re-open tells these apart.
  private streamLost(): void {
    if (this.closed || this.status.state === 'stopped') return;
    if (this.client.state !== 'open') return this.libvirtDown();
    void this.open();
  }

  private openFailed(err: unknown): void {
    if (this.closed) return;
    if (this.client.state !== 'open' || (err as Error)?.name === 'ConnectionError') return this.libvirtDown();
    if (isLibvirtError(err)) {
      if (err.code === ErrorNumber.ERR_NO_DOMAIN || err.code === ErrorNumber.ERR_OPERATION_INVALID) return this.guestStopped();
      if (/active console session/i.test(err.message)) {
        this.setStatus('busy', 'The console is in use elsewhere (for example by virsh console). Take it over to use it here.');
        return this.retryIn(BUSY_RETRY_MS);
      }
    }
    this.setStatus('failed', `Vireo could not open the console: ${(err as Error)?.message ?? String(err)}`);
    this.retryIn(FAILED_RETRY_MS);
  }

  // A slow serial port arrives a few bytes per libvirt packet: gather what came in one event-loop turn and
  // hand it on as one chunk, so browsers get a frame per turn instead of one per packet.
  private queueOutput(chunk: Buffer): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= FLUSH_BYTES) return this.flushOutput();
    this.flushScheduled ||= (setImmediate(() => this.flushOutput()), true);
  }

  private flushOutput(): void {
    this.flushScheduled = false;
    if (!this.pending.length) return;
    const out = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    this.log.write(out);
    for (const v of this.viewers) v.output(out);
  }

  private retryIn(ms: number): void {
    this.clearRetry();
    this.retryTimer = setTimeout(() => void this.open(), ms);
    this.retryTimer.unref();
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private dropStream(): void {
    const s = this.stream;
    this.stream = null;
    s?.destroy();
  }

  private setStatus(state: SerialState, message: string | null): void {
    if (this.status.state === state && this.status.message === message) return;
    this.status = { state, message };
    for (const v of this.viewers) v.state(this.status);
  }
}
