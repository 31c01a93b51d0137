import { describe, expect, it } from 'vitest';
import { hostCharts, vmCharts } from './chart-series';
import { formatMetric, latest } from './metric-format';

const cols = {
  t: [0, 10],
  series: {
    cpu: [null, 50],
    'vcpu/0/percent': [null, 40],
    'vcpu/1/percent': [null, 60],
    memUsed: [1, 2],
    'disk/vda/readBps': [0, 5],
    'disk/vda/writeBps': [0, 6],
    'disk/vdb/readBps': [1, 1],
    'nic/52:54:00:00:00:01/rxBps': [3, 4],
  },
  devices: { vcpu: ['0', '1'], disk: ['vda', 'vdb'], nic: ['52:54:00:00:00:01'] },
};

describe('the series each graph draws', () => {
  it('gives a VM one line per vCPU, disk field and NIC field that the answer has', () => {
    const byId = Object.fromEntries(vmCharts(cols).map((c) => [c.id, c]));
    expect(byId.cpu!.lines.map((l) => l.label)).toEqual(['CPU', 'vCPU 0', 'vCPU 1']);
    expect(byId.cpu!.lines[1]!.minor).toBe(true);
    expect(byId.disk!.lines.map((l) => l.key)).toEqual(['disk/vda/readBps', 'disk/vda/writeBps', 'disk/vdb/readBps']);
    expect(byId.network!.lines.map((l) => l.label)).toEqual(['52:54:00:00:00:01 received']);
    expect(byId.memory!.lines.map((l) => l.label)).toEqual(['Used']);
  });

  it('leaves out the single vCPU line (it would repeat the total) and graphs with nothing', () => {
    const one = vmCharts({ ...cols, devices: { ...cols.devices, vcpu: ['0'] } });
    expect(one.find((c) => c.id === 'cpu')!.lines.map((l) => l.label)).toEqual(['CPU']);
    expect(hostCharts({ t: [], series: {}, devices: {} }).every((c) => c.lines.length === 0)).toBe(true);
  });
});

describe('values as they read', () => {
  it('formats by unit and shows unknown values as a dash', () => {
    expect(formatMetric(97.34, 'percent')).toBe('97 %');
    expect(formatMetric(3.14159, 'percent')).toBe('3.1 %');
    expect(formatMetric(2048, 'bytesPerSecond')).toBe('2.0 KiB/s');
    expect(formatMetric(null, 'bytes')).toBe('—');
    expect(formatMetric(Number.NaN, 'count')).toBe('—');
    expect(formatMetric(0.42, 'count')).toBe('0.42');
  });

  it('finds the newest known value past trailing gaps', () => {
    expect(latest([1, 2, null, null])).toBe(2);
    expect(latest([null])).toBeNull();
  });
});
