import { describe, expect, it } from 'vitest';
import { DomainMigrateFlags as F } from '@/lib/libvirt/protocol/constants.gen';
import { migrationFlags } from './live';

describe('migrationFlags', () => {
  it('is peer-to-peer and live, persistent on the destination and undefined on the source by default', () => {
    const f = migrationFlags({ mode: 'live', storage: 'shared', persistent: true, undefineSource: true });
    expect(f).toBe(F.LIVE | F.PEER2PEER | F.ABORT_ON_ERROR | F.PERSIST_DEST | F.UNDEFINE_SOURCE);
  });

  it('adds a flag for each option chosen, and drops the two defaults when declined', () => {
    const f = migrationFlags({
      mode: 'live',
      storage: 'copy',
      persistent: false,
      undefineSource: false,
      autoConverge: true,
      postcopy: true,
      compressed: true,
      tls: true,
    });
    expect(f).toBe(F.LIVE | F.PEER2PEER | F.ABORT_ON_ERROR | F.NON_SHARED_DISK | F.AUTO_CONVERGE | F.POSTCOPY | F.COMPRESSED | F.TLS);
  });
});
