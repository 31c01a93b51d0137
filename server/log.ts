import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

// Console and <data dir>/vireo.log get the same lines, so the setup code can be found in either.
export function createLog(dataDir: string) {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'vireo.log');
  return (level: 'info' | 'warn' | 'error', message: string) => {
    const line = `${new Date().toISOString()} ${level.toUpperCase()} ${message}`;
    (level === 'info' ? console.log : console.error)(line);
    try {
      appendFileSync(file, `${line}\n`, { mode: 0o600 });
    } catch {
      // A full or read-only disk must not take the server down with it.
    }
  };
}

export type Log = ReturnType<typeof createLog>;
