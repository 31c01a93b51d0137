import type { MetricUnit } from './metric-format';

// Which columns of a history answer each graph draws, and under which names. Pure, so the choice of series is
// tested without a canvas: a VM's CPU, memory, disk and network graphs (one series per vCPU, disk and NIC), and
// the host's CPU, memory, load, pools and running VMs.

export interface ColumnsLike {
  t: number[];
  series: Record<string, (number | null)[]>;
  devices: Record<string, string[]>;
}

export interface ChartLine {
  key: string;
  label: string;
  values: (number | null)[];
  /** Drawn thinner and dashed: a detail beside the main line (a single vCPU, the host's total memory). */
  minor?: boolean;
}

export interface ChartSpec {
  id: string;
  title: string;
  unit: MetricUnit;
  lines: ChartLine[];
  /** A floor for the y scale's top, so an idle graph does not magnify noise (100 for percentages). */
  minTop?: number;
}

function line(c: ColumnsLike, key: string, label: string, minor = false): ChartLine[] {
  const values = c.series[key];
  return values ? [{ key, label, values, ...(minor ? { minor } : {}) }] : [];
}

function perDevice(c: ColumnsLike, group: string, fields: readonly [string, string][], name = (d: string) => d): ChartLine[] {
  return (c.devices[group] ?? []).flatMap((d) => fields.flatMap(([f, label]) => line(c, `${group}/${d}/${f}`, `${name(d)} ${label}`)));
}

export function vmCharts(c: ColumnsLike): ChartSpec[] {
  const vcpus = c.devices.vcpu ?? [];
  return [
    {
      id: 'cpu',
      title: 'CPU',
      unit: 'percent',
      minTop: 100,
      lines: [
        ...line(c, 'cpu', 'CPU'),
        // One vCPU's line would repeat the total.
        ...(vcpus.length > 1 ? vcpus.flatMap((v) => line(c, `vcpu/${v}/percent`, `vCPU ${v}`, true)) : []),
        ...line(c, 'steal', 'Steal', true),
      ],
    },
    {
      id: 'memory',
      title: 'Memory',
      unit: 'bytes',
      lines: [...line(c, 'memUsed', 'Used'), ...line(c, 'memAvailable', 'Guest total', true), ...line(c, 'memRss', 'Host RSS', true)],
    },
    {
      id: 'disk',
      title: 'Disk throughput',
      unit: 'bytesPerSecond',
      lines: perDevice(c, 'disk', [
        ['readBps', 'read'],
        ['writeBps', 'write'],
      ]),
    },
    {
      id: 'disk-iops',
      title: 'Disk operations',
      unit: 'perSecond',
      lines: perDevice(c, 'disk', [
        ['readIops', 'reads'],
        ['writeIops', 'writes'],
      ]),
    },
    {
      id: 'network',
      title: 'Network',
      unit: 'bytesPerSecond',
      lines: perDevice(c, 'nic', [
        ['rxBps', 'received'],
        ['txBps', 'sent'],
      ]),
    },
  ];
}

export function hostCharts(c: ColumnsLike): ChartSpec[] {
  return [
    { id: 'host-cpu', title: 'CPU', unit: 'percent', minTop: 100, lines: [...line(c, 'cpu', 'CPU'), ...line(c, 'iowait', 'I/O wait', true)] },
    { id: 'host-memory', title: 'Memory', unit: 'bytes', lines: [...line(c, 'memUsed', 'Used'), ...line(c, 'memTotal', 'Total', true)] },
    { id: 'host-load', title: 'Load (1 min)', unit: 'count', lines: line(c, 'load1', 'Load') },
    { id: 'host-pools', title: 'Storage pools in use', unit: 'bytes', lines: perDevice(c, 'pool', [['allocation', 'used']]) },
    { id: 'host-vms', title: 'Running VMs', unit: 'count', lines: [...line(c, 'runningVms', 'Running'), ...line(c, 'definedVms', 'Defined', true)] },
  ];
}
