import { ConnectListAllDomainsFlags, DomainEventType, type LibvirtClient } from '@/lib/libvirt';
import type { ConsoleSettings } from '@/lib/config/settings';
import { SerialSession, type VmIdentity } from './serial-session';

/**
 * All serial sessions of the server, one per VM, keyed by UUID. With capture 'all' every running VM gets its
 * session at start (so its boot messages are in the scrollback before anyone looks); with 'opened' a session
 * begins at the first viewer. Lifecycle events and libvirt reconnects drive the sessions.
 */
export class SerialRegistry {
  private readonly sessions = new Map<string, SerialSession>();

  constructor(
    private readonly client: LibvirtClient,
    private readonly settings: Pick<ConsoleSettings, 'scrollbackBytes' | 'capture'>,
    /** Limits which VMs capture 'all' adopts (tests share one libvirtd with other suites). */
    private readonly adopts: (vm: VmIdentity) => boolean = () => true,
  ) {}

  start(): void {
    this.client.events.on('domain-lifecycle', ({ dom, event }) => this.onLifecycle({ name: dom.name, uuid: dom.uuid }, event));
    this.client.on('state', (state: string) => {
      if (state === 'open') void this.resync();
      else for (const s of this.sessions.values()) s.libvirtDown();
    });
    if (this.client.state === 'open') void this.resync();
  }

  /** The session of a VM's console (its first one unless `device` names another), started if need be. */
  session(vm: VmIdentity, device: string | null = null): SerialSession {
    const key = keyOf(vm.uuid, device);
    let s = this.sessions.get(key);
    if (!s) {
      s = new SerialSession(this.client, vm, this.settings.scrollbackBytes, device);
      this.sessions.set(key, s);
      void s.open();
    }
    return s;
  }

  get size(): number {
    return this.sessions.size;
  }

  close(): void {
    for (const s of this.sessions.values()) s.close();
    this.sessions.clear();
  }

  private onLifecycle(vm: VmIdentity, event: number): void {
    const mine = [...this.sessions].filter(([, s]) => s.vm.uuid === vm.uuid);
    switch (event) {
      case DomainEventType.STARTED:
        for (const [, s] of mine) void s.open();
        if (!this.sessions.has(keyOf(vm.uuid, null)) && this.settings.capture === 'all' && this.adopts(vm)) this.session(vm);
        break;
      case DomainEventType.STOPPED:
      case DomainEventType.CRASHED:
        for (const [, s] of mine) s.guestStopped();
        break;
      case DomainEventType.UNDEFINED:
        for (const [key, s] of mine) {
          if (s.state !== 'stopped') continue;
          s.close();
          this.sessions.delete(key);
        }
        break;
    }
  }

  // After (re)connecting: pick up VMs started meanwhile and re-open every console we had.
  private async resync(): Promise<void> {
    await this.client.events.ready().catch(() => undefined);
    if (this.settings.capture === 'all') {
      const running = await this.client.domains.listAll(ConnectListAllDomainsFlags.ACTIVE).catch(() => []);
      for (const d of running) if (this.adopts(d)) this.session({ name: d.name, uuid: d.uuid });
    }
    for (const s of this.sessions.values()) void s.open();
  }
}

function keyOf(uuid: string, device: string | null): string {
  return `${uuid}/${device ?? ''}`;
}
