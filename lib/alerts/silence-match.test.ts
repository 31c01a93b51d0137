import { describe, expect, it } from 'vitest';
import { silencedBy, silences } from './silence-match';

const alert = { ruleId: 'r1', hostId: 'local', vmName: 'web', vmUuid: 'u-web' };
const none = { ruleId: null, vm: null, hostId: null };

describe('silence matching', () => {
  it('needs every matcher it sets to match', () => {
    expect(silences({ ...none, ruleId: 'r1' }, alert)).toBe(true);
    expect(silences({ ...none, vm: 'web' }, alert)).toBe(true);
    expect(silences({ ...none, vm: 'u-web' }, alert)).toBe(true);
    expect(silences({ ...none, hostId: 'local', vm: 'web' }, alert)).toBe(true);
    expect(silences({ ...none, ruleId: 'r1', vm: 'db' }, alert)).toBe(false);
    expect(silences({ ...none, hostId: 'other' }, alert)).toBe(false);
    expect(silences({ ...none, vm: 'web' }, { ...alert, vmName: null, vmUuid: null })).toBe(false);
  });

  it('matches nothing without a matcher, and nothing once ended', () => {
    expect(silences(none, alert)).toBe(false);
    expect(silencedBy([{ ...none, ruleId: 'r1', endsAt: new Date(2000) }], alert, 1000)).toBe(true);
    expect(silencedBy([{ ...none, ruleId: 'r1', endsAt: new Date(2000) }], alert, 2000)).toBe(false);
  });
});
