import type { DomainStats, ParamValue } from '@/lib/libvirt';
import { parseDomainStats, type DomainSnapshot } from '../domain-stats';

// Builds getAllDomainStats answers as libvirt sends them (flat typed parameters), so the parser and the rates are
// tested against the wire shape rather than against their own types.

export interface FakeDomain {
  name?: string;
  uuid?: string;
  id?: number;
  state?: number;
  cpuNs?: bigint;
  vcpus?: { timeNs: bigint; delayNs?: bigint }[];
  balloon?: Record<string, bigint>;
  disks?: { name: string; path?: string; rdBytes?: bigint; wrBytes?: bigint; rdReqs?: bigint; wrReqs?: bigint; rdTimes?: bigint; wrTimes?: bigint }[];
  nics?: { name: string; rxBytes?: bigint; txBytes?: bigint; rxPkts?: bigint; txPkts?: bigint }[];
}

export function fakeStats(d: FakeDomain): DomainStats {
  const p: Record<string, ParamValue> = {};
  const id = d.id ?? 7;
  p['state.state'] = d.state ?? (id > 0 ? 1 : 5);
  p['state.reason'] = 1;
  if (d.cpuNs !== undefined) p['cpu.time'] = d.cpuNs;
  const vcpus = d.vcpus ?? [];
  p['vcpu.current'] = vcpus.length || 1;
  p['vcpu.maximum'] = vcpus.length || 1;
  vcpus.forEach((v, i) => {
    p[`vcpu.${i}.state`] = 1;
    p[`vcpu.${i}.time`] = v.timeNs;
    if (v.delayNs !== undefined) p[`vcpu.${i}.delay`] = v.delayNs;
  });
  for (const [k, v] of Object.entries(d.balloon ?? {})) p[`balloon.${k}`] = v;
  const disks = d.disks ?? [];
  p['block.count'] = disks.length;
  disks.forEach((b, i) => {
    p[`block.${i}.name`] = b.name;
    if (b.path) p[`block.${i}.path`] = b.path;
    if (b.rdBytes !== undefined) p[`block.${i}.rd.bytes`] = b.rdBytes;
    if (b.wrBytes !== undefined) p[`block.${i}.wr.bytes`] = b.wrBytes;
    if (b.rdReqs !== undefined) p[`block.${i}.rd.reqs`] = b.rdReqs;
    if (b.wrReqs !== undefined) p[`block.${i}.wr.reqs`] = b.wrReqs;
    if (b.rdTimes !== undefined) p[`block.${i}.rd.times`] = b.rdTimes;
    if (b.wrTimes !== undefined) p[`block.${i}.wr.times`] = b.wrTimes;
  });
  const nics = d.nics ?? [];
  p['net.count'] = nics.length;
  nics.forEach((n, i) => {
    p[`net.${i}.name`] = n.name;
    if (n.rxBytes !== undefined) p[`net.${i}.rx.bytes`] = n.rxBytes;
    if (n.txBytes !== undefined) p[`net.${i}.tx.bytes`] = n.txBytes;
    if (n.rxPkts !== undefined) p[`net.${i}.rx.pkts`] = n.rxPkts;
    if (n.txPkts !== undefined) p[`net.${i}.tx.pkts`] = n.txPkts;
  });
  return { dom: { name: d.name ?? 'vm1', uuid: d.uuid ?? '11111111-2222-3333-4444-555555555555', id }, params: p };
}

export function snap(d: FakeDomain): DomainSnapshot {
  return parseDomainStats(fakeStats(d));
}
