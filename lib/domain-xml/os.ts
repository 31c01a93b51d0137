import { bool, many, str, xmlModel } from './model';

// <os>: machine type, firmware (BIOS, UEFI by autoselection or by a named loader + NVRAM), direct kernel boot,
// the legacy boot device list and the boot menu.

export class BootDevice extends xmlModel('BootDevice', 'boot', {
  dev: str<'hd' | 'cdrom' | 'network' | 'fd'>('@dev'),
}) {}

export class FirmwareFeature extends xmlModel('FirmwareFeature', 'feature', {
  name: str('@name'),
  enabled: bool('@enabled'),
}) {}

const OS_ORDER = [
  'type',
  'firmware',
  'init',
  'initarg',
  'initenv',
  'initdir',
  'inituser',
  'initgroup',
  'loader',
  'nvram',
  'kernel',
  'initrd',
  'cmdline',
  'dtb',
  'acpi',
  'boot',
  'bootmenu',
  'smbios',
  'bios',
];

const EFI_LOADER = /OVMF|edk2|AAVMF/i;

export class Os extends xmlModel(
  'Os',
  'os',
  {
    /** Firmware autoselection: 'efi' or 'bios'; absent = BIOS unless a loader says otherwise. */
    firmware: str<'efi' | 'bios'>('@firmware'),
    type: str('type'),
    arch: str('type/@arch'),
    machine: str('type/@machine'),
    firmwareFeatures: many(FirmwareFeature, 'firmware/feature'),
    loader: str('loader'),
    loaderReadonly: bool('loader/@readonly'),
    loaderType: str<'rom' | 'pflash'>('loader/@type'),
    nvram: str('nvram'),
    nvramTemplate: str('nvram/@template'),
    kernel: str('kernel'),
    initrd: str('initrd'),
    cmdline: str('cmdline'),
    bootDevices: many(BootDevice, 'boot'),
    bootMenu: bool('bootmenu/@enable'),
    smbiosMode: str('smbios/@mode'),
  },
  { '': OS_ORDER },
) {
  /** UEFI, by autoselection or by a named pflash/OVMF loader. */
  get isEfi(): boolean {
    return this.firmware === 'efi' || this.loaderType === 'pflash' || EFI_LOADER.test(this.loader ?? '');
  }

  get directKernel(): boolean {
    return this.kernel !== null;
  }

  /**
   * Switches firmware by autoselection: libvirt picks the firmware image and makes the NVRAM from its template.
   * A named loader, NVRAM and firmware features of the old choice go.
   */
  setFirmware(firmware: 'bios' | 'efi'): void {
    this.drop('loader');
    this.drop('nvram');
    this.drop('firmware');
    this.firmware = firmware === 'efi' ? 'efi' : null;
  }

  /** The NVRAM file, or its template when libvirt has not made the file yet. */
  get nvramPath(): string | null {
    return this.nvram || this.nvramTemplate || null;
  }
}
