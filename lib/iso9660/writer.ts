// A minimal ISO 9660 (ECMA-119) image writer with a Joliet tree: one root directory holding a few small files, which
// is what a cloud-init NoCloud seed needs. Joliet carries the exact lowercase names (`user-data`), since plain
// ISO 9660 level 1 only allows 8.3 upper-case names; Linux's isofs and blkid read Joliet.
//
// Layout (2048-byte sectors): 0–15 system area, 16 primary descriptor, 17 Joliet supplementary descriptor,
// 18 terminator, 19–22 path tables (primary L/M, Joliet L/M), then the two root directories, then file data
// shared by both trees.

export const SECTOR = 2048;

export interface IsoFile {
  /** The name as the guest should see it (Joliet); up to 64 characters, no "/". */
  name: string;
  data: Uint8Array;
}

export interface IsoOptions {
  /** Volume label (blkid LABEL=): up to 16 characters so the Joliet copy holds it too. */
  volumeId: string;
  files: IsoFile[];
  /** Recorded as every timestamp; fixed dates give identical images for identical input. */
  date?: Date;
}

const sectors = (bytes: number) => Math.ceil(bytes / SECTOR);

function bothEndian32(buf: Buffer, at: number, v: number): void {
  buf.writeUInt32LE(v, at);
  buf.writeUInt32BE(v, at + 4);
}

function bothEndian16(buf: Buffer, at: number, v: number): void {
  buf.writeUInt16LE(v, at);
  buf.writeUInt16BE(v, at + 2);
}

function ucs2be(s: string): Buffer {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

/** A text field padded with spaces: ASCII for the primary descriptor, UCS-2BE for Joliet. */
function field(buf: Buffer, at: number, size: number, text: string, joliet: boolean): void {
  const padded = joliet ? ucs2be(text.padEnd(size / 2, ' ')) : Buffer.from(text.padEnd(size, ' '), 'ascii');
  padded.copy(buf, at, 0, size);
}

/** 7-byte directory record date (ECMA-119 9.1.5), in UTC. */
function recordDate(d: Date): Buffer {
  return Buffer.from([d.getUTCFullYear() - 1900, d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), 0]);
}

/** 17-byte volume descriptor date (8.4.26.1): "YYYYMMDDHHMMSScc" + offset from GMT. */
function volumeDate(d: Date | null): Buffer {
  const b = Buffer.alloc(17, 0);
  const digits = d ? d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + '00' : '0'.repeat(16);
  b.write(digits, 0, 'ascii');
  return b;
}

function dirRecord(id: Buffer, lba: number, size: number, isDir: boolean, date: Date): Buffer {
  const len = 33 + id.length + (id.length % 2 === 0 ? 1 : 0);
  const r = Buffer.alloc(len, 0);
  r[0] = len;
  bothEndian32(r, 2, lba);
  bothEndian32(r, 10, size);
  recordDate(date).copy(r, 18);
  r[25] = isDir ? 2 : 0;
  bothEndian16(r, 28, 1);
  r[32] = id.length;
  id.copy(r, 33);
  return r;
}

/** Level-1 name for the primary tree: upper-case 8.3 of d-characters, unique within the directory. */
export function primaryName(name: string, taken: Set<string>): string {
  const clean = (s: string, n: number) =>
    s
      .toUpperCase()
      .replace(/[^A-Z0-9_]/g, '_')
      .slice(0, n);
  const dot = name.lastIndexOf('.');
  const base = clean(dot > 0 ? name.slice(0, dot) : name, 8) || '_';
  const ext = dot > 0 ? clean(name.slice(dot + 1), 3) : '';
  let candidate = `${base}.${ext}`;
  for (let i = 1; taken.has(candidate); i++) candidate = `${base.slice(0, 8 - String(i).length - 1)}~${i}.${ext}`;
  taken.add(candidate);
  return candidate;
}

function checkInput(o: IsoOptions): void {
  if (!/^[A-Za-z0-9_-]{1,16}$/.test(o.volumeId)) throw new Error('The volume id must be 1–16 letters, digits, "_" or "-".');
  const seen = new Set<string>();
  for (const f of o.files) {
    if (!f.name || f.name.length > 64 || /[/\\;*:?"<>|\0]/.test(f.name) || f.name === '.' || f.name === '..') {
      throw new Error(`"${f.name}" is not a valid file name for the image.`);
    }
    if (seen.has(f.name)) throw new Error(`"${f.name}" appears twice.`);
    seen.add(f.name);
  }
  if (o.files.length > 30) throw new Error('At most 30 files fit in the one-sector root directory.');
}

function pathTable(rootLba: number, bigEndian: boolean): Buffer {
  const t = Buffer.alloc(10, 0);
  t[0] = 1; // length of the root's identifier (one 0x00 byte)
  if (bigEndian) {
    t.writeUInt32BE(rootLba, 2);
    t.writeUInt16BE(1, 6);
  } else {
    t.writeUInt32LE(rootLba, 2);
    t.writeUInt16LE(1, 6);
  }
  return t;
}

function descriptor(o: { joliet: boolean; volumeId: string; totalSectors: number; lPath: number; mPath: number; root: Buffer; date: Date }): Buffer {
  const d = Buffer.alloc(SECTOR, 0);
  d[0] = o.joliet ? 2 : 1;
  d.write('CD001', 1, 'ascii');
  d[6] = 1;
  field(d, 8, 32, '', o.joliet);
  field(d, 40, 32, o.volumeId, o.joliet);
  bothEndian32(d, 80, o.totalSectors);
  if (o.joliet) d.write('%/E', 88, 'ascii'); // UCS-2 level 3
  bothEndian16(d, 120, 1);
  bothEndian16(d, 124, 1);
  bothEndian16(d, 128, SECTOR);
  bothEndian32(d, 132, 10);
  d.writeUInt32LE(o.lPath, 140);
  d.writeUInt32BE(o.mPath, 148);
  o.root.copy(d, 156);
  for (const [at, size] of [
    [190, 128],
    [318, 128],
    [446, 128],
    [574, 128],
    [702, 37],
    [739, 37],
    [776, 37],
  ] as const)
    field(d, at, size - (o.joliet ? size % 2 : 0), '', o.joliet);
  if (o.joliet) for (const at of [702 + 36, 739 + 36, 776 + 36]) d[at] = 0x20;
  volumeDate(o.date).copy(d, 813);
  volumeDate(o.date).copy(d, 830);
  volumeDate(null).copy(d, 847);
  volumeDate(o.date).copy(d, 864);
  d[881] = 1;
  return d;
}

export function buildIso(o: IsoOptions): Buffer {
  checkInput(o);
  const date = o.date ?? new Date();
  const [lPrimary, mPrimary, lJoliet, mJoliet, rootPrimary, rootJoliet] = [19, 20, 21, 22, 23, 24];
  let next = 25;
  const placed = o.files.map((f) => {
    const lba = next;
    next += Math.max(1, sectors(f.data.length));
    return { ...f, lba };
  });
  const totalSectors = next;

  const taken = new Set<string>();
  const dirs = (joliet: boolean, selfLba: number): Buffer => {
    const dot = dirRecord(Buffer.from([0]), selfLba, SECTOR, true, date);
    const dotdot = dirRecord(Buffer.from([1]), selfLba, SECTOR, true, date);
    // ECMA-119 9.3: records sorted by identifier.
    const files = placed
      .map((f) => ({ f, id: joliet ? ucs2be(`${f.name};1`) : Buffer.from(`${primaryName(f.name, taken)};1`, 'ascii') }))
      .sort((a, b) => Buffer.compare(a.id, b.id))
      .map(({ f, id }) => dirRecord(id, f.lba, f.data.length, false, date));
    const all = Buffer.concat([dot, dotdot, ...files]);
    if (all.length > SECTOR) throw new Error('Too many files for a one-sector root directory.');
    return all;
  };

  const img = Buffer.alloc(totalSectors * SECTOR, 0);
  const at = (lba: number) => lba * SECTOR;
  // One directory tree per naming: ISO 9660 names in the primary volume (sector 16), UCS-2 names in the Joliet one
  // (17), each with its descriptor, its path tables (little- and big-endian) and its root directory.
  const tree = (joliet: boolean, descriptorLba: number, lPath: number, mPath: number, root: number) => {
    const rootRecord = dirRecord(Buffer.from([0]), root, SECTOR, true, date);
    descriptor({ joliet, volumeId: o.volumeId, totalSectors, lPath, mPath, root: rootRecord, date }).copy(img, at(descriptorLba));
    pathTable(root, false).copy(img, at(lPath));
    pathTable(root, true).copy(img, at(mPath));
    dirs(joliet, root).copy(img, at(root));
  };
  tree(false, 16, lPrimary, mPrimary, rootPrimary);
  tree(true, 17, lJoliet, mJoliet, rootJoliet);
  const term = Buffer.alloc(7);
  term[0] = 255;
  term.write('CD001', 1, 'ascii');
  term[6] = 1;
  term.copy(img, at(18));
  for (const f of placed) Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength).copy(img, at(f.lba));
  return img;
}
