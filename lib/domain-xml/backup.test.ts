import { describe, expect, it } from 'vitest';
import { buildPushBackupXml } from './backup';
import { buildCheckpointXml, parseCheckpointXml } from './checkpoint';

describe('backup and checkpoint XML', () => {
  it('builds a full push backup that leaves out disks without a target', () => {
    const xml = buildPushBackupXml({
      incremental: null,
      disks: [
        { name: 'vda', targetPath: '/pool/a & b.qcow2' },
        { name: 'sda', targetPath: null },
      ],
    });
    expect(xml).toBe(
      '<domainbackup mode="push"><disks><disk name="vda" backup="yes" type="file"><target file="/pool/a &amp; b.qcow2"/><driver type="qcow2"/></disk>' +
        '<disk name="sda" backup="no"/></disks></domainbackup>',
    );
  });

  it('builds an incremental push backup, a disk forced to full', () => {
    const xml = buildPushBackupXml({
      incremental: 'vireo-1',
      disks: [
        { name: 'vda', targetPath: '/p/a.qcow2' },
        { name: 'vdb', targetPath: '/p/b.qcow2', mode: 'full' },
      ],
    });
    expect(xml).toContain('<incremental>vireo-1</incremental>');
    expect(xml).toContain('<disk name="vda" backup="yes" type="file" backupmode="incremental">');
    expect(xml).toContain('<disk name="vdb" backup="yes" type="file" backupmode="full">');
  });

  it("builds a checkpoint and reads libvirt's description of one", () => {
    expect(
      buildCheckpointXml({
        name: 'vireo-2',
        disks: [
          { name: 'vda', bitmap: true },
          { name: 'vdb', bitmap: false },
        ],
      }),
    ).toBe('<domaincheckpoint><name>vireo-2</name><disks><disk name="vda" checkpoint="bitmap"/><disk name="vdb" checkpoint="no"/></disks></domaincheckpoint>');
    const view = parseCheckpointXml(`<domaincheckpoint>
      <name>vireo-2</name><parent><name>vireo-1</name></parent><creationTime>1764590000</creationTime>
      <disks><disk name='vda' checkpoint='bitmap' bitmap='vireo-2' size='1048576'/><disk name='vdb' checkpoint='no'/></disks>
      <domain type='qemu'><name>x</name></domain></domaincheckpoint>`);
    expect(view).toEqual({
      name: 'vireo-2',
      parent: 'vireo-1',
      creationTime: 1764590000,
      disks: [
        { name: 'vda', checkpoint: 'bitmap', bitmap: 'vireo-2', size: 1048576 },
        { name: 'vdb', checkpoint: 'no', bitmap: null, size: null },
      ],
    });
    expect(() => parseCheckpointXml('<domain/>')).toThrow(/domaincheckpoint/);
  });
});
