// The probe guest's boot sector, assembled from boot-sector.S (see there for what it does and how to rebuild it).
// Kept as bytes so that Vireo needs no assembler: 120 bytes of code and GDT, zeros, and the boot signature.

const CODE =
  'fa31c08ed88ec08ed0bc007cbaf803b056ee0f0116707c0f20c00c010f22c0ea247c080066b810008ed88ec08ed0bc007c00009c6a08683c7c0000cf' +
  '66baf803b04bee66b8002066ba040666ef66ba04b066eff4ebfd66900000000000000000ffff0000009acf00ffff00000092cf001700587c';

export const SECTOR_BYTES = 512;

/** A fresh copy of the 512-byte boot sector (MBR signature 55 aa at the end). */
export function probeBootSector(): Buffer {
  const sector = Buffer.alloc(SECTOR_BYTES);
  Buffer.from(CODE, 'hex').copy(sector);
  sector[510] = 0x55;
  sector[511] = 0xaa;
  return sector;
}
