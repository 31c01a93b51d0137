// pino writes one JSON object per line; people reading a terminal want `time LEVEL message`. pino-pretty would do
// it but is not a dependency, and the line Vireo prints is small enough to write here. Pure, so it is unit-tested.

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/** pino's own fields, shown in the line's head or not at all; every other field is printed as key=value. */
const HEAD_FIELDS = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'err']);

/** pino's number for "warn": from here on a line goes to stderr, as console.error did before. */
const WARN = 40;

export interface ConsoleLine {
  text: string;
  toStderr: boolean;
}

/** One JSON log record (as pino serialised it) as the line shown on the console. */
export function consoleLine(json: string): ConsoleLine {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return { text: json.trimEnd(), toStderr: true };
  }
  const level = typeof record.level === 'number' ? record.level : 30;
  const time = typeof record.time === 'number' ? new Date(record.time).toISOString() : typeof record.time === 'string' ? record.time : '';
  const name = LEVEL_NAMES[level] ?? `LEVEL${level}`;
  const fields = Object.entries(record)
    .filter(([key]) => !HEAD_FIELDS.has(key))
    .map(([key, value]) => `${key}=${showValue(value)}`);
  let text = `${time} ${name} ${typeof record.msg === 'string' ? record.msg : ''}`.trimEnd();
  if (fields.length) text += ` (${fields.join(' ')})`;
  const err = record.err as { stack?: unknown; message?: unknown } | undefined;
  const trace = typeof err?.stack === 'string' ? err.stack : typeof err?.message === 'string' ? err.message : null;
  if (trace) text += `\n${trace.replace(/^/gm, '    ')}`;
  return { text, toStderr: level >= WARN };
}

function showValue(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=()]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}
