import { mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import { processSingleton } from '@/lib/process/singleton';
import { consoleLine } from './console-line';

// The one logger of the process: JSON lines in <data dir>/vireo.log (for tools and for finding the setup code
// later) and readable lines on stdout/stderr (for people and for the e2e harness, which reads the console).
// The file is written asynchronously in batches and flushed when the process exits.

export type { Logger } from 'pino';

/** Where readable lines go; the real console unless a test captures them. */
export interface ConsoleSinks {
  out: (text: string) => void;
  err: (text: string) => void;
}

const realConsole: ConsoleSinks = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

export interface LogOptions {
  /** The data directory; the log file is `vireo.log` in it (created 0600). Null: console only. */
  dataDir: string | null;
  level?: pino.Level;
  console?: ConsoleSinks;
}

// One per process: Next evaluates lib/ once per bundle, and every bundle should write through the server's logger.
const slot = () => processSingleton('log', () => ({ logger: null as Logger | null }));

/** Creates the process's logger and makes it the one `log()` returns. */
export function openLog(opts: LogOptions): Logger {
  const sinks = opts.console ?? realConsole;
  const level = opts.level ?? 'info';
  const streams: pino.StreamEntry[] = [{ level, stream: { write: (line: string) => toConsole(sinks, line) } }];
  const file = opts.dataDir === null ? null : openLogFile(opts.dataDir, sinks);
  if (file) streams.push({ level, stream: file });
  const logger = pino({ level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime }, pino.multistream(streams));
  slot().logger = logger;
  return logger;
}

/** The process's logger; a console-only one until the server has opened its log (scripts, tests). */
export function log(): Logger {
  return slot().logger ?? openLog({ dataDir: null });
}

function toConsole(sinks: ConsoleSinks, json: string): void {
  const { text, toStderr } = consoleLine(json);
  (toStderr ? sinks.err : sinks.out)(text);
}

/**
 * Opens vireo.log for appending. The descriptor is opened here, synchronously, so that a line logged just before
 * process.exit() is still flushed (pino flushes on exit, which needs an open file). A full or read-only disk must
 * not take the server down: the log then goes to the console only, and says so once.
 */
function openLogFile(dataDir: string, sinks: ConsoleSinks): pino.DestinationStream | null {
  const file = path.join(dataDir, 'vireo.log');
  let fd: number;
  try {
    mkdirSync(dataDir, { recursive: true });
    fd = openSync(file, 'a', 0o600);
  } catch (err) {
    sinks.err(`${new Date().toISOString()} WARN cannot open ${file} (${(err as Error).message}); logging to the console only`);
    return null;
  }
  const dest = pino.destination({ dest: fd, sync: false });
  let failed = false;
  dest.on('error', (err: Error) => {
    if (failed) return;
    failed = true;
    sinks.err(`${new Date().toISOString()} WARN writing ${file} failed (${err.message}); later lines may be missing from it`);
  });
  return dest;
}
