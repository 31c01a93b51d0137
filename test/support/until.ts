// Waiting in integration tests for something libvirt or a guest does in its own time, with the thing waited for
// named in the failure.

export async function until(what: string, fn: () => Promise<boolean>, ms = 30_000, everyMs = 500): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
