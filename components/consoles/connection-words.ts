import type { Connection } from './console-socket';

/** What a console's badge says of its connection; `open` and `closed` are what this console calls those phases. */
export function connectionWords(c: Connection, words: { open: string; closed?: string }): string {
  if (c.phase === 'open') return words.open;
  if (c.phase === 'retrying') return `Reconnecting in ${Math.round(c.inMs / 100) / 10} s…`;
  if (c.phase === 'closed') return words.closed ?? 'Disconnected';
  return 'Connecting…';
}
