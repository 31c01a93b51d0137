import type { ConsoleReader } from './console-reader';

// Runs commands in the fixture guest's busybox shell through its console and returns their output, found between
// two markers the terminal's echo of the command cannot fake (typed split: B-""1).

// eslint-disable-next-line no-control-regex -- terminal escape sequences start with ESC
const ESCAPES = /\x1b\[[0-9;?]*[A-Za-z]/g;

export function guestShell(reader: () => ConsoleReader): (cmd: string, timeoutMs?: number) => Promise<string> {
  let seq = 0;
  return async (cmd, timeoutMs = 60_000) => {
    const n = ++seq;
    const r = reader();
    const from = r.transcript.length;
    r.write(`echo B-""${n}; ${cmd}; echo E-""${n}\n`);
    const text = await r.waitFor(new RegExp(`B-${n}\\r?\\n[\\s\\S]*E-${n}\\r?\\n`), timeoutMs, from);
    const m = new RegExp(`B-${n}\\r?\\n([\\s\\S]*)E-${n}\\r?\\n`).exec(text.slice(from))!;
    return m[1]!.replace(ESCAPES, '').replace(/\r/g, '').trim();
  };
}
