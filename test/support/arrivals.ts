/** What a test sink has received, and a wait for the first one that matches (already here or yet to come). */
export class Arrivals<T> {
  readonly items: T[] = [];
  private readonly waiters = new Set<() => void>();

  add(item: T): void {
    this.items.push(item);
    for (const wake of this.waiters) wake();
  }

  /** Resolves with what `find` picks from the items, once it picks one; `failure` says what was there instead. */
  waitFor(find: (items: T[]) => T | undefined, timeoutMs: number, failure: (items: T[]) => string): Promise<T> {
    const found = find(this.items);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const wake = () => {
        const item = find(this.items);
        if (!item) return;
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(item);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        reject(new Error(failure(this.items)));
      }, timeoutMs);
      this.waiters.add(wake);
    });
  }
}
