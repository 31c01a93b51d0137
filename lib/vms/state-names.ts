// Pure names shared with browser code (which must not pull in the libvirt client).
export type VmState = 'running' | 'paused' | 'shut off' | 'shutting down' | 'crashed' | 'suspended' | 'blocked' | 'no state';

export const ALL_STATES: VmState[] = ['running', 'paused', 'shut off', 'shutting down', 'crashed', 'suspended', 'blocked', 'no state'];
