#define _GNU_SOURCE
#include "kvm-core.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/kvm.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* ioctl() returns -1 and sets errno; we hand -errno back instead so callers need no global state. */
static int check(int rc) { return rc < 0 ? -errno : rc; }

int kvm_core_open(const char *path) { return check(open(path, O_RDWR | O_CLOEXEC)); }

void kvm_core_close(int fd) {
  if (fd >= 0) close(fd);
}

int kvm_core_api_version(int kvm_fd) { return check(ioctl(kvm_fd, KVM_GET_API_VERSION, 0)); }

int kvm_core_check_extension(int kvm_fd, long cap) {
  return check(ioctl(kvm_fd, KVM_CHECK_EXTENSION, cap));
}

int kvm_core_vcpu_mmap_size(int kvm_fd) { return check(ioctl(kvm_fd, KVM_GET_VCPU_MMAP_SIZE, 0)); }

int kvm_core_supported_cpuid(int kvm_fd, struct kvm_core_cpuid_leaf **out) {
  *out = NULL;
  /* The kernel answers E2BIG until the buffer is large enough; it has no "how many" query. */
  for (int n = 64; n <= 4096; n *= 2) {
    struct kvm_cpuid2 *c = calloc(1, sizeof(*c) + (size_t)n * sizeof(struct kvm_cpuid_entry2));
    if (!c) return -ENOMEM;
    c->nent = (uint32_t)n;
    if (ioctl(kvm_fd, KVM_GET_SUPPORTED_CPUID, c) < 0) {
      int err = errno;
      free(c);
      if (err == E2BIG) continue;
      return -err;
    }
    struct kvm_core_cpuid_leaf *leaves = calloc(c->nent ? c->nent : 1, sizeof(*leaves));
    if (!leaves) {
      free(c);
      return -ENOMEM;
    }
    for (uint32_t i = 0; i < c->nent; i++) {
      const struct kvm_cpuid_entry2 *e = &c->entries[i];
      leaves[i] = (struct kvm_core_cpuid_leaf){e->function, e->index, e->flags,
                                               e->eax,      e->ebx,   e->ecx, e->edx};
    }
    int count = (int)c->nent;
    free(c);
    *out = leaves;
    return count;
  }
  return -E2BIG;
}

int kvm_core_msr_index_count(int kvm_fd) {
  /* With nmsrs = 0 the kernel fails with E2BIG and writes the count it needs. */
  struct kvm_msr_list probe = {.nmsrs = 0};
  if (ioctl(kvm_fd, KVM_GET_MSR_INDEX_LIST, &probe) == 0) return 0;
  if (errno != E2BIG) return -errno;
  return (int)probe.nmsrs;
}

const char *kvm_core_stage_name(enum kvm_core_stage stage) {
  switch (stage) {
    case KVM_STAGE_NONE: return "none";
    case KVM_STAGE_CREATE_VM: return "KVM_CREATE_VM";
    case KVM_STAGE_GUEST_MEMORY: return "mmap guest memory";
    case KVM_STAGE_SET_MEMORY_REGION: return "KVM_SET_USER_MEMORY_REGION";
    case KVM_STAGE_CREATE_VCPU: return "KVM_CREATE_VCPU";
    case KVM_STAGE_MMAP_RUN: return "mmap kvm_run";
    case KVM_STAGE_SET_SREGS: return "KVM_SET_SREGS";
    case KVM_STAGE_SET_REGS: return "KVM_SET_REGS";
    case KVM_STAGE_TIMER: return "timer_create";
    case KVM_STAGE_RUN: return "KVM_RUN";
  }
  return "unknown";
}

const char *kvm_core_exit_name(uint32_t reason) {
#define EXIT(x) case KVM_EXIT_##x: return "KVM_EXIT_" #x;
  switch (reason) {
    EXIT(UNKNOWN) EXIT(EXCEPTION) EXIT(IO) EXIT(HYPERCALL) EXIT(DEBUG) EXIT(HLT) EXIT(MMIO)
    EXIT(IRQ_WINDOW_OPEN) EXIT(SHUTDOWN) EXIT(FAIL_ENTRY) EXIT(INTR) EXIT(SET_TPR) EXIT(TPR_ACCESS)
    EXIT(NMI) EXIT(INTERNAL_ERROR) EXIT(WATCHDOG) EXIT(SYSTEM_EVENT) EXIT(IOAPIC_EOI) EXIT(HYPERV)
#ifdef KVM_EXIT_X86_RDMSR
    EXIT(X86_RDMSR) EXIT(X86_WRMSR)
#endif
#ifdef KVM_EXIT_DIRTY_RING_FULL
    EXIT(DIRTY_RING_FULL)
#endif
#ifdef KVM_EXIT_X86_BUS_LOCK
    EXIT(X86_BUS_LOCK)
#endif
#ifdef KVM_EXIT_NOTIFY
    EXIT(NOTIFY)
#endif
  }
  return NULL;
#undef EXIT
}

/*
 * Time bound for KVM_RUN. A POSIX timer delivers a real-time signal to this very thread; the
 * handler sets kvm_run.immediate_exit so a signal that lands just before the ioctl still stops the
 * next entry, and the timer repeats so one lost race cannot leave KVM_RUN blocked.
 */
static __thread struct kvm_run *current_run;
static pthread_once_t handler_once = PTHREAD_ONCE_INIT;
static int handler_error;

static int timeout_signal(void) { return SIGRTMAX - 3; }

static void on_timeout_signal(int sig) {
  (void)sig;
  if (current_run) current_run->immediate_exit = 1;
}

static void install_handler(void) {
  struct sigaction old;
  if (sigaction(timeout_signal(), NULL, &old) < 0) {
    handler_error = errno;
    return;
  }
  /* Never take over a signal someone else in the process already handles. */
  if (old.sa_handler != SIG_DFL && old.sa_handler != SIG_IGN) {
    handler_error = EBUSY;
    return;
  }
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_handler = on_timeout_signal; /* no SA_RESTART: KVM_RUN must come back with EINTR */
  sigemptyset(&sa.sa_mask);
  if (sigaction(timeout_signal(), &sa, NULL) < 0) handler_error = errno;
}

struct run_timer {
  timer_t id;
  sigset_t old_mask;
};

static int arm_timer(struct run_timer *t, int timeout_ms) {
  pthread_once(&handler_once, install_handler);
  if (handler_error) return -handler_error;
  struct sigevent sev;
  memset(&sev, 0, sizeof(sev));
  sev.sigev_notify = SIGEV_THREAD_ID;
  sev.sigev_signo = timeout_signal();
  sev._sigev_un._tid = (pid_t)syscall(SYS_gettid);
  if (timer_create(CLOCK_MONOTONIC, &sev, &t->id) < 0) return -errno;
  /* Worker threads may block signals; this one must reach us while we sit in KVM_RUN. */
  sigset_t mask;
  sigemptyset(&mask);
  sigaddset(&mask, timeout_signal());
  pthread_sigmask(SIG_UNBLOCK, &mask, &t->old_mask);
  struct itimerspec its = {
      .it_value = {timeout_ms / 1000, (long)(timeout_ms % 1000) * 1000000L},
      .it_interval = {0, 10 * 1000000L},
  };
  if (timer_settime(t->id, 0, &its, NULL) < 0) {
    int err = errno;
    timer_delete(t->id);
    pthread_sigmask(SIG_SETMASK, &t->old_mask, NULL);
    return -err;
  }
  return 0;
}

static void disarm_timer(struct run_timer *t) {
  timer_delete(t->id);
  /* A tick may already be pending; take it now while the no-op handler is still what runs. */
  sigset_t pending;
  sigemptyset(&pending);
  sigpending(&pending);
  if (sigismember(&pending, timeout_signal())) {
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, timeout_signal());
    struct timespec zero = {0, 0};
    sigtimedwait(&only, NULL, &zero);
  }
  pthread_sigmask(SIG_SETMASK, &t->old_mask, NULL);
}

static int64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

#define GUEST_MEM_SIZE 0x1000
#define GUEST_LOAD_ADDR 0x1000

/* Runs the vCPU once; -EINTR after the deadline is reported as a time-out, not an error. */
static int run_once(int vcpu_fd, struct kvm_run *run, struct kvm_core_self_test_result *r) {
  for (;;) {
    if (ioctl(vcpu_fd, KVM_RUN, 0) == 0) return 0;
    if (errno != EINTR) return -errno;
    if (run->immediate_exit) {
      r->timed_out = 1;
      return 0;
    }
    /* Interrupted by an unrelated signal before the deadline: go back in. */
  }
}

int kvm_core_self_test(int kvm_fd, enum kvm_core_guest guest, int timeout_ms, uint8_t port,
                       uint8_t value, struct kvm_core_self_test_result *r) {
  memset(r, 0, sizeof(*r));
  const uint8_t out_hlt[] = {
      0xb0, value, /* mov al, value */
      0xe6, port,  /* out port, al */
      0xf4,        /* hlt */
  };
  const uint8_t spin[] = {0xeb, 0xfe}; /* jmp $ */
  const uint8_t *code = guest == KVM_GUEST_SPIN ? spin : out_hlt;
  size_t code_len = guest == KVM_GUEST_SPIN ? sizeof(spin) : sizeof(out_hlt);
  if (timeout_ms <= 0) return -EINVAL;
  int vm_fd = -1, vcpu_fd = -1, rc = 0;
  void *mem = MAP_FAILED;
  struct kvm_run *run = MAP_FAILED;
  size_t run_size = 0;
  int64_t start = now_ns();

#define FAIL(stage, err) do { r->failed_stage = (stage); rc = (err); goto out; } while (0)

  vm_fd = ioctl(kvm_fd, KVM_CREATE_VM, 0);
  if (vm_fd < 0) FAIL(KVM_STAGE_CREATE_VM, -errno);

  mem = mmap(NULL, GUEST_MEM_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (mem == MAP_FAILED) FAIL(KVM_STAGE_GUEST_MEMORY, -errno);
  memcpy(mem, code, code_len);

  struct kvm_userspace_memory_region region = {
      .slot = 0,
      .guest_phys_addr = GUEST_LOAD_ADDR,
      .memory_size = GUEST_MEM_SIZE,
      .userspace_addr = (uint64_t)(uintptr_t)mem,
  };
  if (ioctl(vm_fd, KVM_SET_USER_MEMORY_REGION, &region) < 0)
    FAIL(KVM_STAGE_SET_MEMORY_REGION, -errno);

  vcpu_fd = ioctl(vm_fd, KVM_CREATE_VCPU, 0);
  if (vcpu_fd < 0) FAIL(KVM_STAGE_CREATE_VCPU, -errno);

  int mmap_size = ioctl(kvm_fd, KVM_GET_VCPU_MMAP_SIZE, 0);
  if (mmap_size < (int)sizeof(struct kvm_run)) FAIL(KVM_STAGE_MMAP_RUN, mmap_size < 0 ? -errno : -EINVAL);
  run_size = (size_t)mmap_size;
  run = mmap(NULL, run_size, PROT_READ | PROT_WRITE, MAP_SHARED, vcpu_fd, 0);
  if (run == MAP_FAILED) FAIL(KVM_STAGE_MMAP_RUN, -errno);

  /* Real mode with a flat code segment at 0, so CS:IP = 0:0x1000 is the code above. */
  struct kvm_sregs sregs;
  if (ioctl(vcpu_fd, KVM_GET_SREGS, &sregs) < 0) FAIL(KVM_STAGE_SET_SREGS, -errno);
  sregs.cs.base = 0;
  sregs.cs.selector = 0;
  if (ioctl(vcpu_fd, KVM_SET_SREGS, &sregs) < 0) FAIL(KVM_STAGE_SET_SREGS, -errno);

  struct kvm_regs regs;
  memset(&regs, 0, sizeof(regs));
  regs.rip = GUEST_LOAD_ADDR;
  regs.rflags = 0x2; /* bit 1 is reserved and must be set */
  if (ioctl(vcpu_fd, KVM_SET_REGS, &regs) < 0) FAIL(KVM_STAGE_SET_REGS, -errno);

  struct run_timer timer;
  int terr = arm_timer(&timer, timeout_ms);
  if (terr < 0) FAIL(KVM_STAGE_TIMER, terr);
  current_run = run;

  rc = run_once(vcpu_fd, run, r);
  if (rc == 0 && !r->timed_out) {
    r->exit_reason = run->exit_reason;
    if (run->exit_reason == KVM_EXIT_IO) {
      r->io_direction = run->io.direction;
      r->io_size = run->io.size;
      r->io_port = run->io.port;
      r->io_count = run->io.count;
      uint32_t v = 0;
      memcpy(&v, (uint8_t *)run + run->io.data_offset, run->io.size <= 4 ? run->io.size : 4);
      r->io_value = v;
      /* Resume past the OUT: the guest should now stop at its HLT. */
      rc = run_once(vcpu_fd, run, r);
      if (rc == 0 && !r->timed_out) r->second_exit_reason = run->exit_reason;
    }
  }
  current_run = NULL;
  disarm_timer(&timer);
  if (rc < 0) r->failed_stage = KVM_STAGE_RUN;

out:
  r->duration_ns = now_ns() - start;
  if (run != MAP_FAILED) munmap(run, run_size);
  if (vcpu_fd >= 0) close(vcpu_fd);
  if (mem != MAP_FAILED) munmap(mem, GUEST_MEM_SIZE);
  if (vm_fd >= 0) close(vm_fd);
  return rc;
#undef FAIL
}
