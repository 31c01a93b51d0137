import { describe, expect, it } from 'vitest';
import { AUDIT_PAGE, auditKey, keys, poolTouches, touches, under, userTouches } from './keys';

describe('cache keys', () => {
  it('are the URLs the answers are read from, with names encoded as one path segment', () => {
    expect(keys.vm('web 01')).toBe('/api/vms/web%2001');
    expect(keys.hardware('a/b')).toBe('/api/vms/a%2Fb/hardware');
    expect(keys.volumes('default')).toBe('/api/storage/pools/default/volumes');
    expect(keys.leases('lab')).toBe('/api/networks/lab/leases');
    expect(keys.job('0f0e')).toBe('/api/jobs/0f0e');
    expect(keys.osVariants(' debian 11 ')).toBe('/api/provisioning/os-variants?q=debian%2011');
  });

  it('name an audit page by its query and where it starts', () => {
    expect(auditKey({})).toBe(`/api/audit?limit=${AUDIT_PAGE}`);
    expect(auditKey({ q: '  pool.create ', outcome: 'error' }, 42)).toBe(`/api/audit?limit=${AUDIT_PAGE}&q=pool.create&outcome=error&before=42`);
    expect(auditKey({ q: '   ' })).toBe(`/api/audit?limit=${AUDIT_PAGE}`);
  });

  it('say which keys a change makes stale: exact keys, or a key and everything below it', () => {
    expect(touches(keys.vms, '/api/vms')).toBe(true);
    expect(touches(keys.vms, '/api/vms/web')).toBe(false);
    const pool = under(keys.pool('p'));
    expect(pool('/api/storage/pools/p')).toBe(true);
    expect(pool('/api/storage/pools/p/volumes')).toBe(true);
    expect(pool('/api/storage/pools/p?refresh=1')).toBe(true);
    expect(pool('/api/storage/pools/p2')).toBe(false);
    expect(pool('/api/storage/pools')).toBe(false);
  });

  it('make a pool change stale its detail, its volumes and the pool list, not other pools', () => {
    const stale = (key: string) => poolTouches('p').some((t) => touches(t, key));
    expect(['/api/storage/pools/p', '/api/storage/pools/p/volumes', '/api/storage/pools'].every(stale)).toBe(true);
    expect(stale('/api/storage/pools/q/volumes')).toBe(false);
  });

  it("make a user change stale the user list and that user's sessions, not another user's", () => {
    const stale = (key: string) => userTouches('u1').some((t) => touches(t, key));
    expect([keys.users, keys.userSessions('u1')].every(stale)).toBe(true);
    expect(stale(keys.userSessions('u10'))).toBe(false);
  });
});
