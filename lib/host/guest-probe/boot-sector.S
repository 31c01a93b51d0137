# The guest code of Vireo's start probe (lib/host/guest-probe): one 512-byte boot sector that SeaBIOS loads at
# 0000:7c00 from the probe's disk. It does what every boot loader does first, and what KVM on some nested hosts
# cannot run: it leaves real mode for 32-bit protected mode with only some segment registers reloaded (FS and GS
# keep their real-mode state, as in SYSLINUX and GRUB), and returns from a simulated interrupt with IRET. A KVM
# that has to emulate that state (no "unrestricted guest" support, common under nested virtualization) stops the
# guest with an internal error; a working one runs through, and the guest powers itself off by ACPI.
#
# Rebuild (the bytes are committed in boot-sector.ts; boot-sector.test.ts checks they match this source):
#   as --32 -o boot.o boot-sector.S && ld -m elf_i386 -Ttext 0x7c00 --oformat binary -o boot.bin boot.o
.code16
.globl _start
_start:
  cli
  xor %ax, %ax
  mov %ax, %ds
  mov %ax, %es
  mov %ax, %ss
  mov $0x7c00, %sp
  mov $0x3f8, %dx               # COM1: "V" (started)
  mov $'V', %al
  out %al, %dx
  lgdt gdtr
  mov %cr0, %eax
  or $1, %al                    # CR0.PE
  mov %eax, %cr0
  ljmp $0x08, $protected
.code32
protected:
  mov $0x10, %ax                # flat data segment for DS, ES, SS; FS and GS untouched
  mov %ax, %ds
  mov %ax, %es
  mov %ax, %ss
  mov $0x7c00, %esp
  pushfl                        # an interrupt frame, returned from at once
  pushl $0x08
  pushl $returned
  iret
returned:
  mov $0x3f8, %dx               # COM1: "K" (ran through)
  mov $'K', %al
  out %al, %dx
  mov $0x2000, %ax              # ACPI PM1a control: SLP_EN with sleep type 0 (S5, power off)
  mov $0x604, %dx               # q35: SeaBIOS puts the PM block at 0x600
  out %ax, %dx
  mov $0xb004, %dx              # pc (i440FX/PIIX4): at 0xb000
  out %ax, %dx
halt:
  hlt
  jmp halt
.p2align 3
gdt:
  .quad 0                       # null
  .quad 0x00cf9a000000ffff      # 0x08: code, base 0, 4 GiB, 32-bit
  .quad 0x00cf92000000ffff      # 0x10: data, base 0, 4 GiB
gdtr:
  .word gdtr - gdt - 1
  .long gdt
.org 510
  .byte 0x55, 0xaa
