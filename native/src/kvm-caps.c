#include "kvm-caps.h"

#include <linux/kvm.h>

/* Numbers come from the headers, never typed by hand; names let the TS side attach meanings. */
#define CAP(x) {#x, KVM_CAP_##x},

const struct kvm_core_cap kvm_core_caps[] = {
    CAP(NR_VCPUS)
    CAP(MAX_VCPUS)
#ifdef KVM_CAP_MAX_VCPU_ID
    CAP(MAX_VCPU_ID)
#endif
    CAP(NR_MEMSLOTS)
    CAP(USER_MEMORY)
    CAP(SYNC_MMU)
    CAP(READONLY_MEM)
    CAP(IRQCHIP)
    CAP(IRQ_ROUTING)
    CAP(IRQFD)
    CAP(IOEVENTFD)
#ifdef KVM_CAP_SPLIT_IRQCHIP
    CAP(SPLIT_IRQCHIP)
#endif
    CAP(PIT2)
    CAP(SET_TSS_ADDR)
    CAP(EXT_CPUID)
    CAP(TSC_DEADLINE_TIMER)
#ifdef KVM_CAP_X2APIC_API
    CAP(X2APIC_API)
#endif
    CAP(XSAVE)
    CAP(XCRS)
    CAP(ADJUST_CLOCK)
    CAP(COALESCED_MMIO)
#ifdef KVM_CAP_IMMEDIATE_EXIT
    CAP(IMMEDIATE_EXIT)
#endif
#ifdef KVM_CAP_NESTED_STATE
    CAP(NESTED_STATE)
#endif
#ifdef KVM_CAP_MANUAL_DIRTY_LOG_PROTECT2
    CAP(MANUAL_DIRTY_LOG_PROTECT2)
#endif
#ifdef KVM_CAP_DIRTY_LOG_RING
    CAP(DIRTY_LOG_RING)
#endif
#ifdef KVM_CAP_DIRTY_LOG_RING_ACQ_REL
    CAP(DIRTY_LOG_RING_ACQ_REL)
#endif
    CAP(HYPERV)
    {0, 0},
};
