// Reading a published checksum list for one file. Distributions use two formats:
//   GNU coreutils:  "<hex>  <name>" or "<hex> *<name>" (Debian SHA512SUMS, Ubuntu SHA256SUMS)
//   BSD tag style:  "SHA256 (<name>) = <hex>" (Fedora, Rocky and Alma CHECKSUM, often inside a PGP-signed message)

export type ChecksumAlgorithm = 'sha256' | 'sha512';

const HEX_LENGTH: Record<ChecksumAlgorithm, number> = { sha256: 64, sha512: 128 };

export function findChecksum(text: string, fileName: string, algorithm: ChecksumAlgorithm): string | null {
  const len = HEX_LENGTH[algorithm];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('-----') || /^Hash:/i.test(line)) continue;
    const gnu = line.match(/^([0-9a-fA-F]+) [ *]?(.+)$/);
    if (gnu && gnu[1]!.length === len && baseName(gnu[2]!) === fileName) return gnu[1]!.toLowerCase();
    const bsd = line.match(/^(SHA\d+) \((.+)\) = ([0-9a-fA-F]+)$/i);
    if (bsd && bsd[1]!.toLowerCase() === algorithm && bsd[3]!.length === len && baseName(bsd[2]!) === fileName) return bsd[3]!.toLowerCase();
  }
  return null;
}

function baseName(p: string): string {
  return p.replace(/^\.\//, '').split('/').pop()!;
}
