/**
 * What each capability the addon checks means (names as in <linux/kvm.h> without KVM_CAP_). The
 * numbers come from the kernel headers at build time; only the meaning is written here.
 */
export interface CapabilityInfo {
  description: string;
  /** "flag": 0 absent, >0 present. "count": the value is a number (vCPUs, slots, bytes, a bitmask). */
  kind: 'flag' | 'count';
  /** Vireo's guests cannot run without it. */
  required?: boolean;
  /** Missing it works but costs speed or features. */
  recommended?: boolean;
}

export const capabilityInfo: Record<string, CapabilityInfo> = {
  NR_VCPUS: { kind: 'count', description: 'Recommended maximum vCPUs per VM (usually the host CPU count)' },
  MAX_VCPUS: { kind: 'count', description: 'Maximum vCPUs per VM' },
  MAX_VCPU_ID: { kind: 'count', description: 'Largest vCPU id (APIC id) plus one' },
  NR_MEMSLOTS: { kind: 'count', description: 'Memory slots per VM (guest RAM regions, DIMMs, ROMs)' },
  USER_MEMORY: { kind: 'flag', required: true, description: 'Guest RAM backed by process memory (KVM_SET_USER_MEMORY_REGION)' },
  SYNC_MMU: { kind: 'flag', required: true, description: 'Guest memory follows host page changes (swap, ballooning, KSM)' },
  READONLY_MEM: { kind: 'flag', recommended: true, description: 'Read-only memory slots (firmware flash)' },
  IRQCHIP: { kind: 'flag', required: true, description: 'In-kernel interrupt controllers (PIC, IOAPIC, LAPIC)' },
  IRQ_ROUTING: { kind: 'count', required: true, description: 'Interrupt routing table (MSI, GSI); value is the number of routes' },
  IRQFD: { kind: 'flag', required: true, description: 'Interrupts injected through eventfds (vhost, VFIO)' },
  IOEVENTFD: { kind: 'flag', required: true, description: 'Guest I/O signalled through eventfds (virtio without exits to QEMU)' },
  SPLIT_IRQCHIP: { kind: 'flag', recommended: true, description: 'LAPIC in the kernel, IOAPIC/PIC in QEMU (needed for interrupt remapping)' },
  PIT2: { kind: 'flag', description: 'In-kernel programmable interval timer' },
  SET_TSS_ADDR: { kind: 'flag', description: 'Task state segment address for real-mode emulation on Intel' },
  EXT_CPUID: { kind: 'flag', required: true, description: 'Extended CPUID configuration (KVM_SET_CPUID2)' },
  TSC_DEADLINE_TIMER: { kind: 'flag', recommended: true, description: 'TSC-deadline LAPIC timer for guests' },
  X2APIC_API: { kind: 'count', description: 'x2APIC extensions for more than 255 vCPUs (bitmask of supported flags)' },
  XSAVE: { kind: 'flag', recommended: true, description: 'Save/restore extended CPU state (AVX registers) of vCPUs' },
  XCRS: { kind: 'flag', recommended: true, description: 'Save/restore extended control registers of vCPUs' },
  ADJUST_CLOCK: { kind: 'count', description: 'Guest kvmclock can be read and set (bitmask of flags)' },
  COALESCED_MMIO: { kind: 'count', description: 'Batched MMIO writes; value is the ring page offset' },
  IMMEDIATE_EXIT: { kind: 'flag', recommended: true, description: 'kvm_run.immediate_exit: stop a vCPU without signal races' },
  NESTED_STATE: { kind: 'count', description: 'Nested guest state can be saved (migration of VMs running hypervisors)' },
  MANUAL_DIRTY_LOG_PROTECT2: { kind: 'count', description: 'Dirty page log cleared in chunks (faster live migration)' },
  DIRTY_LOG_RING: { kind: 'count', recommended: true, description: 'Dirty page ring; value is its maximum size in bytes' },
  DIRTY_LOG_RING_ACQ_REL: { kind: 'count', description: 'Dirty ring with acquire/release ordering (weakly ordered CPUs)' },
  HYPERV: { kind: 'flag', description: 'Hyper-V enlightenments for Windows guests' },
};
