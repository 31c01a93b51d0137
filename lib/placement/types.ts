// What placement judges: what a new VM asks for, what each host has, and the verdict per host. Pure data, shared
// with the browser (the wizard's host step shows the verdicts).

/** What a new VM needs of a host. */
export interface PlacementRequest {
  vcpus: number;
  memoryMiB: number;
  /** Pools the VM's volumes live in (its new disk's, an ISO's, an imported disk's): each must exist and run. */
  pools: string[];
  /** A new disk, which must fit in its pool's free space at its full size (a thin disk may grow to it). */
  disk: { pool: string; bytes: number } | null;
  /** libvirt networks the VM's NICs join: each must exist. */
  networks: string[];
  /** The VM's tags; those named anti-affine by the policy keep it off hosts with another VM carrying them. */
  tags: string[];
}

/** One VM already defined on a host, as far as placement cares. */
export interface PlacedVm {
  name: string;
  vcpus: number;
  maxMemKiB: number;
  /** Running, paused, suspended: holds its memory now. */
  active: boolean;
  /** Starts with the host: holds its memory after the next reboot of the host. */
  autostart: boolean;
  tags: string[];
}

/** What placement reads of a host that answered. */
export interface HostFacts {
  /** Logical CPUs. */
  cpus: number;
  memoryTotalBytes: number;
  vms: PlacedVm[];
  pools: { name: string; active: boolean; availableBytes: number }[];
  networks: { name: string; active: boolean }[];
}

export interface HostRef {
  id: string;
  name: string;
}

/** A host to judge: its facts, or why they could not be read (down, too slow). */
export type Candidate = { host: HostRef; facts: HostFacts } | { host: HostRef; down: string };

/** The admin's rules (lib/config settings: VIREO_PLACEMENT_CPU_OVERCOMMIT, VIREO_ANTI_AFFINITY_TAGS). */
export interface PlacementPolicy {
  /** vCPUs a host may hand out per logical CPU. */
  cpuOvercommit: number;
  /** Tags two VMs may not both carry on one host. */
  antiAffinityTags: string[];
}

/** A host's figures after what its VMs reserve, before the new VM. Null figures: the host did not answer. */
export interface HostRoom {
  vcpusFree: number;
  vcpuCapacity: number;
  memoryFreeMiB: number;
  memoryTotalMiB: number;
  pools: { name: string; active: boolean; availableBytes: number }[];
}

export interface HostVerdict {
  host: HostRef;
  fits: boolean;
  /** Why it does not fit, in plain words (empty when it fits). */
  reasons: string[];
  room: HostRoom | null;
}

export interface Placement {
  /** Every host, best first: those that fit (most free memory after reservations first), then the rest. */
  hosts: HostVerdict[];
  /** The host picked, or null when none fits. */
  chosen: HostRef | null;
  /** Why that host (or why none). */
  reason: string;
}
