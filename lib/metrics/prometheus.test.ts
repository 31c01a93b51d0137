import { describe, expect, it } from 'vitest';
import { renderMetrics } from './prometheus';
import type { ActiveSample } from './sample';
import { snap } from './test-support/stats';

function sample(): ActiveSample {
  const running = snap({
    name: 'web1',
    cpuNs: 3_410_000_000n,
    vcpus: [{ timeNs: 2_000_000_000n, delayNs: 500_000_000n }],
    balloon: { current: 196608n, maximum: 262144n, available: 157832n, usable: 131392n },
    disks: [{ name: 'vda', path: '/var/lib/libvirt/images/web1.qcow2', rdBytes: 4608n, rdReqs: 2n }],
    nics: [{ name: 'vnet3', rxBytes: 180n }],
  });
  running.nics[0]!.bridge = 'virbr0';
  const stopped = snap({
    name: 'db1',
    uuid: '99999999-2222-3333-4444-555555555555',
    id: -1,
    cpuNs: 86_930_000_000n,
    balloon: { current: 1024n, maximum: 1024n },
  });
  return { domains: [running, stopped], defined: 3, pools: [{ name: 'default', active: true, capacity: 100, allocation: 40, available: 60 }] };
}

/** The value of one exposition line, found by its name and labels. */
function value(body: string, name: string, labels: Record<string, string>): number | undefined {
  const line = body.split('\n').find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('renderMetrics', () => {
  it('names, types and labels series as the libvirt exporters do, each with the host', async () => {
    const { body, contentType } = await renderMetrics([{ hostId: 'local', sample: sample() }]);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(body).toContain('# TYPE libvirt_domain_info_cpu_time_seconds_total counter');
    expect(body).toContain('# TYPE libvirt_domain_info_maximum_memory_bytes gauge');
    expect(body).toContain('libvirt_up{host="local"} 1');
    expect(body).toContain('libvirt_domains_number{host="local"} 3');
    const web1 = { host: 'local', domain: 'web1', uuid: '11111111-2222-3333-4444-555555555555' };
    expect(value(body, 'libvirt_domain_info_cpu_time_seconds_total', web1)).toBeCloseTo(3.41);
    expect(value(body, 'libvirt_domain_info_maximum_memory_bytes', web1)).toBe(262144 * 1024);
    expect(value(body, 'libvirt_domain_info_memory_usage_bytes', web1)).toBe(196608 * 1024);
    expect(value(body, 'libvirt_domain_state_code', web1)).toBe(1);
    expect(
      value(body, 'libvirt_domain_block_stats_read_bytes_total', { ...web1, target_device: 'vda', source_file: '/var/lib/libvirt/images/web1.qcow2' }),
    ).toBe(4608);
    expect(value(body, 'libvirt_domain_interface_stats_receive_bytes_total', { ...web1, target_device: 'vnet3', source_bridge: 'virbr0' })).toBe(180);
    expect(value(body, 'libvirt_domain_vcpu_delay_seconds_total', { ...web1, vcpu: '0' })).toBeCloseTo(0.5);
    expect(value(body, 'libvirt_domain_memory_stats_used_percent', web1)).toBeCloseTo(((157832 - 131392) / 157832) * 100);
    expect(value(body, 'libvirt_pool_info_capacity_bytes', { host: 'local', pool: 'default' })).toBe(100);
  });

  it('gives a shut-off domain no series of its own (as the exporters do): it is only counted', async () => {
    const { body } = await renderMetrics([{ hostId: 'local', sample: sample() }]);
    expect(body).not.toContain('domain="db1"');
    expect(new Set(body.match(/domain="[^"]*"/g))).toEqual(new Set(['domain="web1"']));
  });

  it('says libvirt_up 0 and nothing else when libvirtd could not be reached', async () => {
    const { body } = await renderMetrics([{ hostId: 'local', sample: null }]);
    expect(body).toContain('libvirt_up{host="local"} 0');
    expect(body.split('\n').filter((l) => l && !l.startsWith('#'))).toHaveLength(1);
  });

  it('answers for every host in one exposition, each metric described once, the series told apart by host', async () => {
    const { body } = await renderMetrics([
      { hostId: 'local', sample: sample() },
      { hostId: 'h2', sample: null },
    ]);
    expect(value(body, 'libvirt_up', { host: 'local' })).toBe(1);
    expect(value(body, 'libvirt_up', { host: 'h2' })).toBe(0);
    expect(body.match(/^# TYPE libvirt_up /gm)).toHaveLength(1);
  });
});
