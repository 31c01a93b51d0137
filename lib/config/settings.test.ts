import { describe, expect, it } from 'vitest';
import { ConfigError, loadSettings } from './settings';

describe('loadSettings', () => {
  it('fills defaults: HTTPS on 8443 with a generated certificate in the data dir', () => {
    const s = loadSettings({}, '/srv/vireo');
    expect(s.port).toBe(8443);
    expect(s.dataDir).toBe('/srv/vireo/data');
    expect(s.databaseUrl).toBe('file:/srv/vireo/data/vireo.db');
    expect(s.databaseProvider).toBe('sqlite');
    expect(s.libvirtUri).toBe('qemu:///system');
    expect(s.tls).toEqual({ enabled: true, generated: true, certFile: '/srv/vireo/data/tls/cert.pem', keyFile: '/srv/vireo/data/tls/key.pem' });
  });

  it('reads the placement rules: 4 vCPUs per CPU and no anti-affine tags unless set', () => {
    expect(loadSettings({}, '/x').placement).toEqual({ cpuOvercommit: 4, antiAffinityTags: [] });
    expect(loadSettings({ VIREO_PLACEMENT_CPU_OVERCOMMIT: '1.5', VIREO_ANTI_AFFINITY_TAGS: ' DB, etcd,,db ' }, '/x').placement).toEqual({
      cpuOvercommit: 1.5,
      antiAffinityTags: ['db', 'etcd'],
    });
    expect(() => loadSettings({ VIREO_PLACEMENT_CPU_OVERCOMMIT: '0.5' }, '/x')).toThrow(/VIREO_PLACEMENT_CPU_OVERCOMMIT: must be at least 1/);
    expect(() => loadSettings({ VIREO_ANTI_AFFINITY_TAGS: 'db, not ok' }, '/x')).toThrow(/VIREO_ANTI_AFFINITY_TAGS: "not ok" has a space/);
  });

  it('picks PostgreSQL from DATABASE_URL', () => {
    const s = loadSettings({ DATABASE_URL: 'postgresql://v:p@db/vireo' }, '/x');
    expect(s.databaseProvider).toBe('postgresql');
    expect(s.databaseUrl).toBe('postgresql://v:p@db/vireo');
  });

  it('makes relative SQLite paths absolute', () => {
    expect(loadSettings({ DATABASE_URL: 'file:./db/v.db' }, '/x').databaseUrl).toBe('file:/x/db/v.db');
  });

  it.each([
    [{ VIREO_PORT: 'eighty' }, /VIREO_PORT/],
    [{ VIREO_PORT: '70000' }, /VIREO_PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ LIBVIRT_URI: 'not a uri' }, /LIBVIRT_URI/],
    [{ VIREO_HOST: 'my host' }, /VIREO_HOST/],
    [{ VIREO_TLS_CERT: '/c.pem' }, /set both/],
    [{ VIREO_TLS: 'off' }, /plain HTTP is only allowed/],
    [{ VIREO_IMAGE_ALLOW: '10.0.0.0/33' }, /VIREO_IMAGE_ALLOW: "10.0.0.0\/33" is not a CIDR/],
    [{ VIREO_IMAGE_ALLOW: 'mirror.lab, http://x/' }, /VIREO_IMAGE_ALLOW: "http:\/\/x\/" is not/],
    [{ VIREO_IMAGE_ALLOW: 'a b' }, /VIREO_IMAGE_ALLOW/],
    [{ VIREO_SESSION_MAX_HOURS: '0.5' }, /VIREO_SESSION_MAX_HOURS: must be at least 1/],
    [{ VIREO_SESSION_MAX_HOURS: 'a week' }, /VIREO_SESSION_MAX_HOURS/],
    [{ VIREO_SESSION_HOURS: '48', VIREO_SESSION_MAX_HOURS: '24' }, /shorter than the idle one/],
    [{ VIREO_METRICS_INTERVAL_SECONDS: '5' }, /VIREO_METRICS_INTERVAL_SECONDS: must be at least 10/],
    [{ VIREO_METRICS_INTERVAL_SECONDS: '12.5' }, /VIREO_METRICS_INTERVAL_SECONDS: must be a whole number/],
    [{ VIREO_METRICS_INTERVAL_SECONDS: 'often' }, /VIREO_METRICS_INTERVAL_SECONDS/],
    [{ VIREO_ALERT_WEBHOOK_ALLOW: 'not a host!' }, /VIREO_ALERT_WEBHOOK_ALLOW: "not a host!" is not a CIDR/],
    [{ VIREO_SMTP_URL: 'mail.example.com' }, /VIREO_SMTP_URL: must be smtp:/],
    [{ VIREO_SMTP_FROM: 'vireo' }, /VIREO_SMTP_FROM: must be an email address/],
  ])('rejects %j with a message naming the variable', (env, message) => {
    expect(() => loadSettings(env, '/x')).toThrowError(ConfigError);
    expect(() => loadSettings(env, '/x')).toThrowError(message);
  });

  it('allows plain HTTP on loopback or behind a trusted proxy', () => {
    expect(loadSettings({ VIREO_TLS: 'off', VIREO_HOST: '127.0.0.1' }).tls.enabled).toBe(false);
    expect(loadSettings({ VIREO_TLS: 'off', VIREO_TRUST_PROXY: '1' }).tls.enabled).toBe(false);
  });

  it('uses an admin-supplied certificate when both files are given', () => {
    const s = loadSettings({ VIREO_TLS_CERT: 'c.pem', VIREO_TLS_KEY: 'k.pem' }, '/x');
    expect(s.tls).toEqual({ enabled: true, generated: false, certFile: '/x/c.pem', keyFile: '/x/k.pem' });
  });

  it('reads the image allow-list: networks, lone addresses (IPv4-mapped too) and host names, normalised', () => {
    expect(loadSettings({}).imageAllow).toEqual([]);
    expect(loadSettings({ VIREO_IMAGE_ALLOW: ' 10.1.0.0/16, 127.0.0.1,fd00::/8 , ::1, ::ffff:192.168.1.5, Mirror.Lab. ,' }).imageAllow).toEqual([
      { kind: 'cidr', cidr: '10.1.0.0/16' },
      { kind: 'cidr', cidr: '127.0.0.1/32' },
      { kind: 'cidr', cidr: 'fd00::/8' },
      { kind: 'cidr', cidr: '::1/128' },
      { kind: 'cidr', cidr: '192.168.1.5/32' },
      { kind: 'host', name: 'mirror.lab' },
    ]);
  });

  it('ends sessions a day after sign-in by default, or after the idle time when that is longer', () => {
    expect(loadSettings({}).sessionMaxHours).toBe(24);
    expect(loadSettings({ VIREO_SESSION_HOURS: '72' }).sessionMaxHours).toBe(72);
    expect(loadSettings({ VIREO_SESSION_MAX_HOURS: '168' }).sessionMaxHours).toBe(168);
  });

  it('samples metrics every 10 s unless told otherwise, or not at all', () => {
    expect(loadSettings({}).metricsIntervalSeconds).toBe(10);
    expect(loadSettings({ VIREO_METRICS_INTERVAL_SECONDS: '30' }).metricsIntervalSeconds).toBe(30);
    expect(loadSettings({ VIREO_METRICS_INTERVAL_SECONDS: 'off' }).metricsIntervalSeconds).toBeNull();
  });

  it('reads where alert webhooks may go and how email is sent', () => {
    expect(loadSettings({}).alerts).toEqual({ webhookAllow: [], smtpUrl: null, smtpFrom: null });
    expect(
      loadSettings({ VIREO_ALERT_WEBHOOK_ALLOW: '127.0.0.1, hooks.lab', VIREO_SMTP_URL: 'smtps://u:p@mail.lab:465', VIREO_SMTP_FROM: 'vireo@lab.test' }).alerts,
    ).toEqual({
      webhookAllow: [
        { kind: 'cidr', cidr: '127.0.0.1/32' },
        { kind: 'host', name: 'hooks.lab' },
      ],
      smtpUrl: 'smtps://u:p@mail.lab:465',
      smtpFrom: 'vireo@lab.test',
    });
  });
});
