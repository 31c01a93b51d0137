import { describe, expect, it } from 'vitest';
import { MigrationApi, jobStatsOf, migrationParams } from './migration';
import { DomainJobType, DomainMigrateFlags } from '../protocol/constants.gen';
import { decDomainGetJobStatsRet, encDomainMigratePerform3ParamsArgs, encDomainMigrateSetMaxSpeedArgs } from '../protocol/remote.gen';
import { XdrReader } from '../xdr';
import { be32, be64, cat, opt, str } from '../test-support/bytes';
import { recordingProcedures, sampleDomain, sampleUuidBytes, wireHex } from '../test-support/recorder';

const dom = sampleDomain;
const uuidBytes = sampleUuidBytes;

function recorder() {
  const { procedures, calls } = recordingProcedures((proc) => (proc === 'domainMigrateGetMaxSpeed' ? { bandwidth: 32n } : {}));
  return { api: new MigrationApi(procedures), calls };
}

describe('migrationParams', () => {
  it('sends each field with the type libvirt documents, repeated fields repeated, nothing for unset ones', () => {
    expect(
      migrationParams({ uri: 'tcp://10.0.0.2', bandwidthMiBs: 64, migrateDisks: ['vda', 'vdb'], compression: ['xbzrle'], autoConvergeInitial: 20 }),
    ).toEqual([
      { field: 'migrate_uri', value: { type: 7, s: 'tcp://10.0.0.2' } },
      { field: 'bandwidth', value: { type: 4, ul: 64n } },
      { field: 'migrate_disks', value: { type: 7, s: 'vda' } },
      { field: 'migrate_disks', value: { type: 7, s: 'vdb' } },
      { field: 'compression', value: { type: 7, s: 'xbzrle' } },
      { field: 'auto_converge.initial', value: { type: 1, i: 20 } },
    ]);
    expect(migrationParams({})).toEqual([]);
  });
});

describe('MigrationApi', () => {
  it('peer-to-peer migration puts PEER2PEER in the flags and the params on the wire as XDR typed params', async () => {
    const { api, calls } = recorder();
    await api.migrateToPeer(dom, 'qemu+tls://h2/system', { uri: 'tcp://h2', bandwidthMiBs: 8 }, DomainMigrateFlags.LIVE | DomainMigrateFlags.PERSIST_DEST);
    expect(calls[0]!.proc).toBe('domainMigratePerform3Params');

    // Hand-written: domain (name, uuid[16], id), dconnuri (optional string), params<64>, cookie_in<>, flags.
    const expected = cat(
      str('vm1'),
      uuidBytes,
      be32(3),
      opt(str('qemu+tls://h2/system')),
      be32(2),
      str('migrate_uri'),
      be32(7),
      str('tcp://h2'),
      str('bandwidth'),
      be32(4),
      be64(8n),
      be32(0),
      be32(1 | 2 | 8),
    );
    expect(wireHex(encDomainMigratePerform3ParamsArgs, calls[0]!.args)).toBe(expected.toString('hex'));
  });

  it('sets the bandwidth as an unsigned hyper and reads it back', async () => {
    const { api, calls } = recorder();
    await api.setMaxSpeed(dom, 5);
    expect(wireHex(encDomainMigrateSetMaxSpeedArgs, calls[0]!.args)).toBe(cat(str('vm1'), uuidBytes, be32(3), be64(5n), be32(0)).toString('hex'));
    expect(await api.maxSpeed(dom)).toBe(32);
  });

  it('aborts with the plain procedure unless flags are given', async () => {
    const { api, calls } = recorder();
    await api.abortJob(dom);
    await api.abortJob(dom, 1);
    expect(calls.map((c) => c.proc)).toEqual(['domainAbortJob', 'domainAbortJobFlags']);
  });

  it('reads job stats decoded from hand-built reply bytes into plain numbers', () => {
    const reply = cat(
      be32(DomainJobType.UNBOUNDED),
      be32(5),
      str('time_elapsed'),
      be32(4),
      be64(1500n),
      str('data_processed'),
      be32(4),
      be64(104857600n),
      str('data_remaining'),
      be32(4),
      be64(52428800n),
      str('memory_dirty_rate'),
      be32(4),
      be64(1200n),
      str('downtime'),
      be32(4),
      be64(300n),
    );
    const r = new XdrReader(reply);
    const ret = decDomainGetJobStatsRet(r);
    r.assertDone();
    const s = jobStatsOf(ret.type, ret.params);
    expect(s).toMatchObject({ type: 2, timeElapsedMs: 1500, dataProcessed: 104857600, dataRemaining: 52428800, memoryDirtyRate: 1200, downtimeMs: 300 });
    expect(s.dataTotal).toBeNull();
  });
});
