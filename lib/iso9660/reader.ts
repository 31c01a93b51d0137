import { SECTOR } from './writer';

// Reads the files of an ISO 9660 image's root directory: what a clone needs of a cloud-init seed. The Joliet tree
// (exact lowercase names) is preferred, as Linux reads it; without one, plain names lose their ";1" and are
// lowercased. Subdirectories are not followed: a NoCloud seed keeps its files at the root.

export interface IsoRoot {
  volumeId: string;
  files: Map<string, Buffer>;
}

function descriptor(img: Buffer, joliet: boolean): Buffer | null {
  for (let s = 16; (s + 1) * SECTOR <= img.length; s++) {
    const d = img.subarray(s * SECTOR, (s + 1) * SECTOR);
    if (d.toString('latin1', 1, 6) !== 'CD001') return null;
    if (d[0] === 255) return null;
    const escape = d.toString('latin1', 88, 91);
    if (joliet && d[0] === 2 && /^%\/[@CE]$/.test(escape)) return d;
    if (!joliet && d[0] === 1) return d;
  }
  return null;
}

function ucs2be(b: Buffer): string {
  const le = Buffer.from(b);
  le.swap16();
  return le.toString('utf16le');
}

export function readIsoRoot(img: Buffer): IsoRoot {
  const joliet = descriptor(img, true);
  const d = joliet ?? descriptor(img, false);
  if (!d) throw new Error('This is not an ISO 9660 image.');
  const text = (b: Buffer) => (joliet ? ucs2be(b) : b.toString('latin1')).trim();
  const volumeId = text(d.subarray(40, 72));
  const root = d.subarray(156, 190);
  const start = root.readUInt32LE(2) * SECTOR;
  const size = root.readUInt32LE(10);
  const files = new Map<string, Buffer>();
  for (let at = start; at < start + size; ) {
    const len = img[at] ?? 0;
    if (len === 0) {
      at = (Math.floor(at / SECTOR) + 1) * SECTOR; // records never cross a sector; the rest of it is padding
      continue;
    }
    const rec = img.subarray(at, at + len);
    const idLen = rec[32]!;
    const isDir = (rec[25]! & 2) !== 0;
    const raw = rec.subarray(33, 33 + idLen);
    if (!isDir && !(idLen === 1 && raw[0]! <= 1)) {
      let name = text(raw).replace(/;\d+$/, '');
      if (!joliet) name = name.replace(/\.$/, '').toLowerCase().replace(/_/g, '-');
      const ext = rec.readUInt32LE(2) * SECTOR;
      files.set(name, img.subarray(ext, ext + rec.readUInt32LE(10)));
    }
    at += len;
  }
  return { volumeId, files };
}
