import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSetupCode, clearSetupCode, issueSetupCode } from './setup-code';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vireo-setup-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('setup code', () => {
  it('accepts the printed code, typed loosely, and nothing else', async () => {
    const code = await issueSetupCode(dir);
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await checkSetupCode(dir, code)).toBe(true);
    expect(await checkSetupCode(dir, ` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(true);
    expect(await checkSetupCode(dir, 'AAAA-BBBB-CCCC')).toBe(false);
  });
  it('stops working once cleared, and a new start issues a new code', async () => {
    const first = await issueSetupCode(dir);
    const second = await issueSetupCode(dir);
    expect(await checkSetupCode(dir, first)).toBe(first === second);
    await clearSetupCode(dir);
    expect(await checkSetupCode(dir, second)).toBe(false);
  });
});
