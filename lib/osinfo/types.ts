// An operating system as the wizard sees it, from the osinfo database (libosinfo's, which Debian ships as
// osinfo-db and virt-install, virt-manager and cockpit-machines read too). Pure types: client components import them.

export interface OsVariant {
  /** libosinfo's id, a URI (recorded in the domain's metadata): http://debian.org/debian/11 */
  id: string;
  /** The short name virt-install takes: debian11 */
  shortId: string;
  name: string;
  vendor: string | null;
  family: string | null;
  releaseDate: string | null;
  /** Past its end of life (by the database's date). */
  eol: boolean;
  /** Whether the OS has drivers for virtio disks and NICs (else SATA and e1000e). */
  virtio: { disk: boolean; net: boolean };
  memory: { minimumMiB: number | null; recommendedMiB: number | null };
  disk: { minimumGiB: number | null; recommendedGiB: number | null };
  minimumCpus: number | null;
  /** Which firmware it boots with on x86_64: UEFI offered; BIOS still possible (false for Windows 11). */
  firmware: { efi: boolean; bios: boolean };
}
