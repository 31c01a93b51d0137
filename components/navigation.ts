// Signing in, signing out and a lost session change whose app this is: load the page afresh rather than route on
// the client, so nothing cached for the previous user (data cache, router cache) survives into the next one.

export function reloadAt(path: string): void {
  window.location.assign(new URL(path, window.location.href));
}
