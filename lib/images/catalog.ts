import type { ChecksumAlgorithm } from './checksum-file';

// Well-known cloud images at their publishers' official addresses, each with the checksum list the publisher
// signs next to it. A download is verified against the value read from that list at download time.

export type ExpectedChecksum = { algorithm: ChecksumAlgorithm; hex: string } | { algorithm: ChecksumAlgorithm; checksumUrl: string; fileName: string };

export interface CatalogEntry {
  id: string;
  label: string;
  url: string;
  checksum: ExpectedChecksum;
  /** For OS defaults (libosinfo-style short family name). */
  osFamily: 'debian' | 'ubuntu' | 'fedora' | 'rhel' | 'alpine';
  /** The image's OS in the osinfo database (its short id), which the wizard preselects. */
  osinfo: string;
  /** The image's own default login, for the wizard's hint. */
  defaultUser: string;
  minDiskGiB: number;
}

function entry(
  id: string,
  label: string,
  dir: string,
  file: string,
  sums: string,
  algorithm: ChecksumAlgorithm,
  defaultUser: string,
  minDiskGiB: number,
): CatalogEntry {
  return {
    id,
    label,
    url: `${dir}/${file}`,
    checksum: { algorithm, checksumUrl: `${dir}/${sums}`, fileName: file },
    osFamily: FAMILY[id.split('-')[0]!]!,
    osinfo: OSINFO[id] ?? id.replace('-', ''),
    defaultUser,
    minDiskGiB,
  };
}

/** Short ids that are not just the id without its dash. */
const OSINFO: Record<string, string> = { 'alpine-3.20': 'alpinelinux3.20' };

const FAMILY: Record<string, CatalogEntry['osFamily']> = {
  debian: 'debian',
  ubuntu: 'ubuntu',
  fedora: 'fedora',
  rocky: 'rhel',
  almalinux: 'rhel',
  alpine: 'alpine',
};

export const CATALOG: readonly CatalogEntry[] = [
  entry(
    'debian-12',
    'Debian 12 "bookworm" (generic cloud)',
    'https://cloud.debian.org/images/cloud/bookworm/latest',
    'debian-12-genericcloud-amd64.qcow2',
    'SHA512SUMS',
    'sha512',
    'debian',
    3,
  ),
  entry(
    'debian-13',
    'Debian 13 "trixie" (generic cloud)',
    'https://cloud.debian.org/images/cloud/trixie/latest',
    'debian-13-genericcloud-amd64.qcow2',
    'SHA512SUMS',
    'sha512',
    'debian',
    3,
  ),
  entry(
    'ubuntu-24.04',
    'Ubuntu 24.04 LTS "noble"',
    'https://cloud-images.ubuntu.com/noble/current',
    'noble-server-cloudimg-amd64.img',
    'SHA256SUMS',
    'sha256',
    'ubuntu',
    4,
  ),
  entry(
    'ubuntu-22.04',
    'Ubuntu 22.04 LTS "jammy"',
    'https://cloud-images.ubuntu.com/jammy/current',
    'jammy-server-cloudimg-amd64.img',
    'SHA256SUMS',
    'sha256',
    'ubuntu',
    3,
  ),
  entry(
    'fedora-41',
    'Fedora Cloud 41',
    'https://download.fedoraproject.org/pub/fedora/linux/releases/41/Cloud/x86_64/images',
    'Fedora-Cloud-Base-Generic-41-1.4.x86_64.qcow2',
    'Fedora-Cloud-41-1.4-x86_64-CHECKSUM',
    'sha256',
    'fedora',
    5,
  ),
  entry(
    'rocky-9',
    'Rocky Linux 9 (GenericCloud)',
    'https://dl.rockylinux.org/pub/rocky/9/images/x86_64',
    'Rocky-9-GenericCloud-Base.latest.x86_64.qcow2',
    'Rocky-9-GenericCloud-Base.latest.x86_64.qcow2.CHECKSUM',
    'sha256',
    'rocky',
    10,
  ),
  entry(
    'almalinux-9',
    'AlmaLinux 9 (GenericCloud)',
    'https://repo.almalinux.org/almalinux/9/cloud/x86_64/images',
    'AlmaLinux-9-GenericCloud-latest.x86_64.qcow2',
    'CHECKSUM',
    'sha256',
    'almalinux',
    10,
  ),
  entry(
    'alpine-3.20',
    'Alpine Linux 3.20 (nocloud, BIOS)',
    'https://dl-cdn.alpinelinux.org/alpine/v3.20/releases/cloud',
    'nocloud_alpine-3.20.3-x86_64-bios-cloudinit-r0.qcow2',
    'nocloud_alpine-3.20.3-x86_64-bios-cloudinit-r0.qcow2.sha512',
    'sha512',
    'alpine',
    1,
  ),
];

export function catalogEntry(id: string): CatalogEntry | null {
  return CATALOG.find((e) => e.id === id) ?? null;
}

export interface WizardCatalogEntry {
  id: string;
  label: string;
  url: string;
  defaultUser: string;
  minDiskGiB: number;
  /** The osinfo short id of the image's OS. */
  osinfo: string;
  /** A verified copy is already in a pool. */
  cached: boolean;
}
