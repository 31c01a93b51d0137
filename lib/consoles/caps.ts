// Open console sockets per user (serial, VNC and host terminal together), so one account cannot pile up
// libvirt streams, TCP bridges or shells.

export class SessionCaps {
  private readonly open = new Map<string, number>();

  constructor(private readonly maxPerUser: number) {}

  /** A release function, or null when the user is at the cap. Releasing twice is harmless. */
  tryAcquire(userId: string): (() => void) | null {
    const n = this.open.get(userId) ?? 0;
    if (n >= this.maxPerUser) return null;
    this.open.set(userId, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(userId) ?? 1) - 1;
      if (left > 0) this.open.set(userId, left);
      else this.open.delete(userId);
    };
  }

  count(userId: string): number {
    return this.open.get(userId) ?? 0;
  }
}
