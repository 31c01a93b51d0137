import { Counter, Gauge, Registry } from 'prom-client';
import { isActive, type DomainSnapshot } from './domain-stats';
import type { ActiveSample } from './sample';

// GET /metrics in the Prometheus text format, with the names, types and labels of the libvirt exporters people
// already scrape (Debian's prometheus-libvirt-exporter for libvirt_domain_info_*, block and interface stats, and
// the newer getAllDomainStats-based exporters for memory_stats, vcpu and pool gauges), so their dashboards and
// alerts work unchanged; every series also carries `host` (Vireo's id of the libvirt host). Counters are libvirt's
// absolute values: Prometheus takes the rates. Like the exporters, per-domain series are for active (running or
// paused) domains only: shut-off ones are counted in libvirt_domains_number and nothing more, so a host with a
// thousand defined domains and five running gives a few hundred samples. A fresh registry per scrape costs under
// 0.1 ms (measured); what grows is the samples.

type Labels = Record<string, string>;

interface Def {
  name: string;
  help: string;
  type: 'gauge' | 'counter';
  labels: readonly string[];
}

const DOMAIN = ['host', 'domain', 'uuid'] as const;
const BLOCK = [...DOMAIN, 'source_file', 'target_device'] as const;
const NIC = [...DOMAIN, 'source_bridge', 'target_device'] as const;
const VCPU = [...DOMAIN, 'vcpu'] as const;

const g = (name: string, help: string, labels: readonly string[]): Def => ({ name, help, type: 'gauge', labels });
const c = (name: string, help: string, labels: readonly string[]): Def => ({ name, help, type: 'counter', labels });

export const METRIC_DEFS = {
  up: g('libvirt_up', '1 when libvirtd answered this scrape, 0 when it could not be reached.', ['host']),
  domains: g('libvirt_domains_number', 'Domains defined on the host (running or not).', ['host']),
  stateCode: g('libvirt_domain_state_code', 'Domain state as libvirt numbers it: 1 running, 3 paused, 5 shut off, 6 crashed, 7 suspended.', DOMAIN),
  vstate: g('libvirt_domain_info_vstate', 'Domain state (same numbers as libvirt_domain_state_code).', DOMAIN),
  maxMem: g('libvirt_domain_info_maximum_memory_bytes', 'Most memory the domain may be given, in bytes.', DOMAIN),
  mem: g('libvirt_domain_info_memory_usage_bytes', 'Memory the domain has now (its balloon size), in bytes.', DOMAIN),
  vcpus: g('libvirt_domain_info_virtual_cpus', 'Virtual CPUs the domain has online.', DOMAIN),
  cpuTime: c('libvirt_domain_info_cpu_time_seconds_total', 'CPU time the domain has used (all its threads), in seconds.', DOMAIN),
  rdBytes: c('libvirt_domain_block_stats_read_bytes_total', 'Bytes read from the disk.', BLOCK),
  rdReqs: c('libvirt_domain_block_stats_read_requests_total', 'Read requests to the disk.', BLOCK),
  rdTime: c('libvirt_domain_block_stats_read_time_seconds_total', 'Time spent on reads from the disk, in seconds.', BLOCK),
  wrBytes: c('libvirt_domain_block_stats_write_bytes_total', 'Bytes written to the disk.', BLOCK),
  wrReqs: c('libvirt_domain_block_stats_write_requests_total', 'Write requests to the disk.', BLOCK),
  wrTime: c('libvirt_domain_block_stats_write_time_seconds_total', 'Time spent on writes to the disk, in seconds.', BLOCK),
  flReqs: c('libvirt_domain_block_stats_flush_requests_total', 'Flush requests to the disk.', BLOCK),
  flTime: c('libvirt_domain_block_stats_flush_time_seconds_total', 'Time spent flushing the disk, in seconds.', BLOCK),
  capacity: g('libvirt_domain_block_stats_capacity_bytes', 'Size of the disk as the guest sees it, in bytes.', BLOCK),
  allocation: g('libvirt_domain_block_stats_allocation', 'Highest offset written on the disk (its allocation), in bytes.', BLOCK),
  physical: g('libvirt_domain_block_stats_physicalsize_bytes', 'Size of the file or device holding the disk, in bytes.', BLOCK),
  rxBytes: c('libvirt_domain_interface_stats_receive_bytes_total', 'Bytes the NIC received.', NIC),
  rxPkts: c('libvirt_domain_interface_stats_receive_packets_total', 'Packets the NIC received.', NIC),
  rxErrs: c('libvirt_domain_interface_stats_receive_errors_total', 'Receive errors on the NIC.', NIC),
  rxDrop: c('libvirt_domain_interface_stats_receive_drops_total', 'Received packets the NIC dropped.', NIC),
  txBytes: c('libvirt_domain_interface_stats_transmit_bytes_total', 'Bytes the NIC sent.', NIC),
  txPkts: c('libvirt_domain_interface_stats_transmit_packets_total', 'Packets the NIC sent.', NIC),
  txErrs: c('libvirt_domain_interface_stats_transmit_errors_total', 'Transmit errors on the NIC.', NIC),
  txDrop: c('libvirt_domain_interface_stats_transmit_drops_total', 'Packets to send that the NIC dropped.', NIC),
  majorFault: c('libvirt_domain_memory_stats_major_fault_total', 'Page faults in the guest that needed disk I/O.', DOMAIN),
  minorFault: c('libvirt_domain_memory_stats_minor_fault_total', 'Page faults in the guest served without disk I/O.', DOMAIN),
  unused: g('libvirt_domain_memory_stats_unused_bytes', 'Memory the guest leaves entirely unused (caches not counted as free), in bytes.', DOMAIN),
  available: g('libvirt_domain_memory_stats_available_bytes', 'Memory the guest sees as its total, in bytes.', DOMAIN),
  balloon: g('libvirt_domain_memory_stats_actual_balloon_bytes', 'Current balloon size: memory given to the guest, in bytes.', DOMAIN),
  rss: g('libvirt_domain_memory_stats_rss_bytes', 'Resident memory of the QEMU process on the host, in bytes.', DOMAIN),
  usable: g('libvirt_domain_memory_stats_usable_bytes', 'Memory the guest could still use without swapping (its MemAvailable), in bytes.', DOMAIN),
  diskCache: g('libvirt_domain_memory_stats_disk_cache_bytes', 'Guest memory holding caches it can drop at once, in bytes.', DOMAIN),
  usedPercent: g('libvirt_domain_memory_stats_used_percent', 'Guest memory in use, in percent of what it sees ((available - usable) / available).', DOMAIN),
  vcpuState: g('libvirt_domain_vcpu_state', 'vCPU state: 0 offline, 1 running, 2 blocked.', VCPU),
  vcpuTime: c('libvirt_domain_vcpu_time_seconds_total', 'CPU time the vCPU has used, in seconds.', VCPU),
  vcpuDelay: c('libvirt_domain_vcpu_delay_seconds_total', 'Time the vCPU was ready to run but waited for a host CPU (steal in the guest), in seconds.', VCPU),
  vcpuWait: c('libvirt_domain_vcpu_wait_seconds_total', 'Time the vCPU waited on I/O or sleep as the host scheduler counts it, in seconds.', VCPU),
  poolCapacity: g('libvirt_pool_info_capacity_bytes', 'Size of the storage pool, in bytes.', ['host', 'pool']),
  poolAllocation: g('libvirt_pool_info_allocation_bytes', 'Bytes of the storage pool given to volumes.', ['host', 'pool']),
  poolAvailable: g('libvirt_pool_info_available_bytes', 'Bytes of the storage pool still free.', ['host', 'pool']),
} as const satisfies Record<string, Def>;

type Name = keyof typeof METRIC_DEFS;

/** One host's sample for the exposition; null when the host could not be sampled. */
export interface HostScrape {
  hostId: string;
  sample: ActiveSample | null;
}

/**
 * The exposition of every host's sample (a failed one gives libvirt_up 0 and nothing else), in one registry: each
 * metric's HELP and TYPE once, its series told apart by `host`.
 */
export async function renderMetrics(hosts: readonly HostScrape[]): Promise<{ body: string; contentType: string }> {
  const registry = new Registry();
  const metrics = {} as Record<Name, Gauge | Counter>;
  for (const [key, d] of Object.entries(METRIC_DEFS) as [Name, Def][]) {
    const opts = { name: d.name, help: d.help, labelNames: [...d.labels], registers: [registry] };
    metrics[key] = d.type === 'counter' ? new Counter(opts) : new Gauge(opts);
  }
  const set = (key: Name, labels: Labels, value: number | null | undefined) => {
    if (value === null || value === undefined || !Number.isFinite(value) || value < 0) return;
    const m = metrics[key];
    if (m instanceof Counter) m.inc(labels, value);
    else m.set(labels, value);
  };
  for (const { hostId, sample } of hosts) {
    set('up', { host: hostId }, sample ? 1 : 0);
    if (sample) hostSeries(set, hostId, sample);
  }
  return { body: await registry.metrics(), contentType: registry.contentType };
}

type Setter = (key: Name, labels: Labels, value: number | null | undefined) => void;

function hostSeries(set: Setter, hostId: string, sample: ActiveSample): void {
  set('domains', { host: hostId }, sample.defined);
  for (const d of sample.domains) if (isActive(d)) domain(set, hostId, d);
  for (const p of sample.pools) {
    if (!p.active) continue;
    const l = { host: hostId, pool: p.name };
    set('poolCapacity', l, p.capacity);
    set('poolAllocation', l, p.allocation);
    set('poolAvailable', l, p.available);
  }
}

const seconds = (ns: number | null) => (ns === null ? null : ns / 1e9);
const bytes = (kib: number | null) => (kib === null ? null : kib * 1024);

/** The series of one active domain. */
function domain(set: Setter, host: string, d: DomainSnapshot): void {
  const l = { host, domain: d.name, uuid: d.uuid };
  const b = d.balloon;
  set('stateCode', l, d.state);
  set('vstate', l, d.state);
  set('maxMem', l, bytes(b.maximumKiB));
  set('mem', l, bytes(b.currentKiB));
  set('vcpus', l, d.vcpuCurrent);
  set('cpuTime', l, seconds(d.cpuTimeNs));
  for (const disk of d.disks) {
    const dl = { ...l, source_file: disk.path ?? '', target_device: disk.name };
    set('rdBytes', dl, disk.rdBytes);
    set('rdReqs', dl, disk.rdReqs);
    set('rdTime', dl, seconds(disk.rdTimeNs));
    set('wrBytes', dl, disk.wrBytes);
    set('wrReqs', dl, disk.wrReqs);
    set('wrTime', dl, seconds(disk.wrTimeNs));
    set('flReqs', dl, disk.flReqs);
    set('flTime', dl, seconds(disk.flTimeNs));
    set('capacity', dl, disk.capacity);
    set('allocation', dl, disk.allocation);
    set('physical', dl, disk.physical);
  }
  for (const n of d.nics) {
    const nl = { ...l, source_bridge: n.bridge ?? '', target_device: n.name };
    set('rxBytes', nl, n.rxBytes);
    set('rxPkts', nl, n.rxPkts);
    set('rxErrs', nl, n.rxErrs);
    set('rxDrop', nl, n.rxDrop);
    set('txBytes', nl, n.txBytes);
    set('txPkts', nl, n.txPkts);
    set('txErrs', nl, n.txErrs);
    set('txDrop', nl, n.txDrop);
  }
  set('majorFault', l, b.majorFault);
  set('minorFault', l, b.minorFault);
  set('unused', l, bytes(b.unusedKiB));
  set('available', l, bytes(b.availableKiB));
  set('balloon', l, bytes(b.currentKiB));
  set('rss', l, bytes(b.rssKiB));
  set('usable', l, bytes(b.usableKiB));
  set('diskCache', l, bytes(b.diskCachesKiB));
  if (b.availableKiB && b.usableKiB !== null) set('usedPercent', l, ((b.availableKiB - b.usableKiB) / b.availableKiB) * 100);
  for (const v of d.vcpus) {
    const vl = { ...l, vcpu: String(v.index) };
    set('vcpuState', vl, v.state);
    set('vcpuTime', vl, seconds(v.timeNs));
    set('vcpuDelay', vl, seconds(v.delayNs));
    set('vcpuWait', vl, seconds(v.waitNs));
  }
}
