/*
 * Plain C helpers around the KVM ioctls. Every function returns a non-negative result or -errno;
 * none of them touches Node, so they can be exercised from a tiny C program as well.
 */
#ifndef VIREO_KVM_CORE_H
#define VIREO_KVM_CORE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Opens the KVM device (usually /dev/kvm) read-write; returns an fd or -errno. */
int kvm_core_open(const char *path);
void kvm_core_close(int fd);

int kvm_core_api_version(int kvm_fd);
/* KVM_CHECK_EXTENSION on the system fd: 0 = absent, >0 = present or a capability-specific value. */
int kvm_core_check_extension(int kvm_fd, long cap);
int kvm_core_vcpu_mmap_size(int kvm_fd);

struct kvm_core_cpuid_leaf {
  uint32_t function, index, flags;
  uint32_t eax, ebx, ecx, edx;
};

/*
 * KVM_GET_SUPPORTED_CPUID. On success *out is a malloc'd array (caller frees) and the return value
 * is its length.
 */
int kvm_core_supported_cpuid(int kvm_fd, struct kvm_core_cpuid_leaf **out);

/* Number of MSR indices KVM_GET_MSR_INDEX_LIST reports. */
int kvm_core_msr_index_count(int kvm_fd);

/* Which step of the self-test an error came from, so the caller can say what broke. */
enum kvm_core_stage {
  KVM_STAGE_NONE = 0,
  KVM_STAGE_CREATE_VM,
  KVM_STAGE_GUEST_MEMORY,
  KVM_STAGE_SET_MEMORY_REGION,
  KVM_STAGE_CREATE_VCPU,
  KVM_STAGE_MMAP_RUN,
  KVM_STAGE_SET_SREGS,
  KVM_STAGE_SET_REGS,
  KVM_STAGE_TIMER,
  KVM_STAGE_RUN,
};

const char *kvm_core_stage_name(enum kvm_core_stage stage);

/* "KVM_EXIT_IO" etc. for kvm_run.exit_reason, or NULL when the build's headers do not know it. */
const char *kvm_core_exit_name(uint32_t reason);

struct kvm_core_self_test_result {
  enum kvm_core_stage failed_stage; /* set when the function returns -errno */
  int timed_out;                    /* KVM_RUN was interrupted by the time bound */
  uint32_t exit_reason;             /* kvm_run.exit_reason of the first exit */
  uint32_t io_direction, io_size, io_port, io_count;
  uint32_t io_value;                /* first byte(s) the guest wrote, if it was an I/O exit */
  uint32_t second_exit_reason;      /* after resuming past the OUT: expected KVM_EXIT_HLT */
  int64_t duration_ns;              /* wall time from KVM_CREATE_VM to the last exit */
};

/* What the guest runs. SPIN never exits on its own; it exists to prove the time bound. */
enum kvm_core_guest {
  KVM_GUEST_OUT_HLT = 0, /* mov al, value; out port, al; hlt */
  KVM_GUEST_SPIN = 1,    /* jmp $ */
};

/*
 * Creates a VM with one vCPU, runs the guest code in real mode and records the exits. Returns 0 when the ioctls all worked (whatever the exit was) or -errno, with
 * result->failed_stage saying where. KVM_RUN is bounded by timeout_ms: a per-thread timer signal
 * interrupts it, so a guest that never exits cannot hang the caller.
 */
int kvm_core_self_test(int kvm_fd, enum kvm_core_guest guest, int timeout_ms, uint8_t port,
                       uint8_t value, struct kvm_core_self_test_result *result);

#ifdef __cplusplus
}
#endif

#endif
