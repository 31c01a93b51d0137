import { describe, expect, it } from 'vitest';
import { consoleLine } from './console-line';

const record = (fields: Record<string, unknown>) => JSON.stringify({ level: 30, time: '2026-01-02T03:04:05.006Z', pid: 7, ...fields });

describe('consoleLine', () => {
  it('shows time, level and message; info goes to stdout', () => {
    expect(consoleLine(record({ msg: 'Vireo is serving on https://h:8443/' }))).toEqual({
      text: '2026-01-02T03:04:05.006Z INFO Vireo is serving on https://h:8443/',
      toStderr: false,
    });
  });

  it('sends warnings and errors to stderr', () => {
    expect(consoleLine(record({ level: 40, msg: 'w' }))).toEqual({ text: '2026-01-02T03:04:05.006Z WARN w', toStderr: true });
    expect(consoleLine(record({ level: 50, msg: 'e' })).toStderr).toBe(true);
  });

  it('prints other fields as key=value, quoting what would be ambiguous', () => {
    const { text } = consoleLine(record({ msg: 'refused', kind: 'vnc', reason: 'no session', n: 3, detail: { a: 1 } }));
    expect(text).toBe('2026-01-02T03:04:05.006Z INFO refused (kind=vnc reason="no session" n=3 detail={"a":1})');
  });

  it('indents an error stack under the line', () => {
    const { text } = consoleLine(record({ level: 50, msg: 'request failed', err: { type: 'Error', message: 'boom', stack: 'Error: boom\n    at x' } }));
    expect(text).toBe('2026-01-02T03:04:05.006Z ERROR request failed\n    Error: boom\n        at x');
  });

  it('turns epoch times into ISO and passes a non-JSON line through to stderr', () => {
    expect(consoleLine(JSON.stringify({ level: 30, time: 0, msg: 'm' })).text).toBe('1970-01-01T00:00:00.000Z INFO m');
    expect(consoleLine('not json\n')).toEqual({ text: 'not json', toStderr: true });
  });
});
