import { EventEmitter } from 'node:events';
import type { XdrReader } from '../xdr';
import type { Header } from '../rpc/packet';
import type { MessageTypes, RemoteProcedures } from '../protocol/remote.gen';
import { messageDecoders, registrations } from './registrations';
import type { LibvirtEventMap, LibvirtEventName } from './types';

type Listener<N extends LibvirtEventName> = (e: LibvirtEventMap[N]) => void;

/**
 * Typed libvirt events. Registering with the daemon happens when the first listener for a name is added and
 * again after every reconnect (callback IDs belong to one connection). A failure to register is reported
 * through `report` (the client's 'event-error') rather than thrown, so a driver lacking an event kind never
 * crashes the process. Await `ready()` before triggering what you expect to hear about.
 */
export class EventHub {
  private readonly emitter = new EventEmitter();
  private readonly wanted = new Set<LibvirtEventName>();
  private readonly callbacks = new Map<number, LibvirtEventName>();
  private readonly inProgress = new Set<Promise<void>>();
  private generation = 0;

  constructor(
    private readonly remote: RemoteProcedures,
    private readonly isOpen: () => boolean,
    private readonly report: (name: LibvirtEventName, err: Error) => void,
  ) {
    this.emitter.setMaxListeners(0);
  }

  on<N extends LibvirtEventName>(name: N, listener: Listener<N>): this {
    this.emitter.on(name, listener);
    if (!this.wanted.has(name)) {
      this.wanted.add(name);
      if (this.isOpen()) this.track(this.register(name, this.generation));
    }
    return this;
  }

  /**
   * Removes a listener. The daemon-side registration stays: listeners come and go often (one per waiting
   * request), and re-registering each time would open a window in which events are lost.
   */
  off<N extends LibvirtEventName>(name: N, listener: Listener<N>): this {
    this.emitter.off(name, listener);
    return this;
  }

  once<N extends LibvirtEventName>(name: N, listener: Listener<N>): this {
    const wrapped = (e: LibvirtEventMap[N]) => {
      this.off(name, wrapped);
      listener(e);
    };
    return this.on(name, wrapped);
  }

  /** Resolves once every registration started so far has been answered by the daemon. */
  async ready(): Promise<void> {
    while (this.inProgress.size) await Promise.all([...this.inProgress]);
  }

  /** A new connection is open: callback IDs of the old one mean nothing now. */
  onConnected(): Promise<void> {
    this.generation++;
    this.callbacks.clear();
    for (const name of this.wanted) this.track(this.register(name, this.generation));
    return this.ready();
  }

  onMessage(h: Header, body: XdrReader): void {
    const dec = messageDecoders[h.procedure as keyof MessageTypes];
    if (!dec) return; // an event kind nobody asked for
    for (const name of this.wanted) {
      const reg = registrations[name];
      if (reg.msgProc !== h.procedure) continue;
      const { callbackID, event } = reg.convert(dec(body) as never);
      if (this.callbacks.get(callbackID) === name) this.emitter.emit(name, event);
      return;
    }
  }

  private track(p: Promise<void>): void {
    this.inProgress.add(p);
    void p.finally(() => this.inProgress.delete(p));
  }

  private async register(name: LibvirtEventName, generation: number): Promise<void> {
    try {
      const id = await registrations[name].register(this.remote);
      if (generation !== this.generation || !this.wanted.has(name)) return;
      this.callbacks.set(id, name);
    } catch (err) {
      this.report(name, err as Error);
    }
  }
}
