import { describe, expect, it } from 'vitest';
import { AUDIT_PAGE, auditKey, hostPage, keys, poolTouches, touches, under, userTouches } from './keys';

describe('cache keys', () => {
  it('are the URLs the answers are read from, with names encoded as one path segment', () => {
    expect(keys.vm('local', 'web 01')).toBe('/api/hosts/local/vms/web%2001');
    expect(keys.hardware('h1', 'a/b')).toBe('/api/hosts/h1/vms/a%2Fb/hardware');
    expect(keys.volumes('local', 'default')).toBe('/api/hosts/local/storage/pools/default/volumes');
    expect(keys.leases('h2', 'lab')).toBe('/api/hosts/h2/networks/lab/leases');
    expect(keys.job('0f0e')).toBe('/api/jobs/0f0e');
    expect(keys.osVariants('local', ' debian 11 ')).toBe('/api/hosts/local/provisioning/os-variants?q=debian%2011');
    expect(hostPage('h1', '/vms/web')).toBe('/hosts/h1/vms/web');
  });

  it('name an audit page by its query and where it starts', () => {
    expect(auditKey({})).toBe(`/api/audit?limit=${AUDIT_PAGE}`);
    expect(auditKey({ q: '  pool.create ', outcome: 'error' }, 42)).toBe(`/api/audit?limit=${AUDIT_PAGE}&q=pool.create&outcome=error&before=42`);
    expect(auditKey({ q: '   ' })).toBe(`/api/audit?limit=${AUDIT_PAGE}`);
  });

  it('say which keys a change makes stale: exact keys, or a key and everything below it', () => {
    expect(touches(keys.vms('local'), '/api/hosts/local/vms')).toBe(true);
    expect(touches(keys.vms('local'), '/api/hosts/local/vms/web')).toBe(false);
    expect(touches(keys.vms('local'), '/api/hosts/h1/vms')).toBe(false);
    const pool = under(keys.pool('local', 'p'));
    expect(pool('/api/hosts/local/storage/pools/p')).toBe(true);
    expect(pool('/api/hosts/local/storage/pools/p/volumes')).toBe(true);
    expect(pool('/api/hosts/local/storage/pools/p?refresh=1')).toBe(true);
    expect(pool('/api/hosts/local/storage/pools/p2')).toBe(false);
    expect(pool('/api/hosts/local/storage/pools')).toBe(false);
    expect(pool('/api/hosts/h1/storage/pools/p')).toBe(false);
  });

  it('make a pool change stale its detail, its volumes and the pool list, not other pools', () => {
    const stale = (key: string) => poolTouches('local', 'p').some((t) => touches(t, key));
    const base = '/api/hosts/local/storage/pools';
    expect([`${base}/p`, `${base}/p/volumes`, base].every(stale)).toBe(true);
    expect(stale(`${base}/q/volumes`)).toBe(false);
  });

  it("make a user change stale the user list and that user's sessions, not another user's", () => {
    const stale = (key: string) => userTouches('u1').some((t) => touches(t, key));
    expect([keys.users, keys.userSessions('u1')].every(stale)).toBe(true);
    expect(stale(keys.userSessions('u10'))).toBe(false);
  });
});
