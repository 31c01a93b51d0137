/* The capabilities the probe asks KVM_CHECK_EXTENSION about, named as in <linux/kvm.h>. */
#ifndef VIREO_KVM_CAPS_H
#define VIREO_KVM_CAPS_H

#ifdef __cplusplus
extern "C" {
#endif

struct kvm_core_cap {
  const char *name; /* without the KVM_CAP_ prefix, e.g. "MAX_VCPUS" */
  long number;
};

/* Terminated by an entry with name == NULL. Only capabilities the build's kernel headers know. */
extern const struct kvm_core_cap kvm_core_caps[];

#ifdef __cplusplus
}
#endif

#endif
