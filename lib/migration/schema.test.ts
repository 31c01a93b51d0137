import { describe, expect, it } from 'vitest';
import { migrationBody, optionsOf } from './schema';

describe('migrationBody', () => {
  it('fills in the defaults: live, shared storage, persistent on the destination, undefined on the source', () => {
    const b = migrationBody.parse({ destination: 'h2' });
    expect(optionsOf(b)).toEqual({ mode: 'live', storage: 'shared', persistent: true, undefineSource: true });
  });

  it('refuses a missing destination, an unknown mode and a negative bandwidth with words', () => {
    const r = migrationBody.safeParse({ mode: 'sideways', bandwidthMiBs: -1 });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages.some((m) => m.startsWith('destination: Choose the destination host'))).toBe(true);
    expect(messages.some((m) => m.startsWith('mode: mode is live or offline'))).toBe(true);
    expect(messages.some((m) => m.startsWith('bandwidthMiBs'))).toBe(true);
  });
});
