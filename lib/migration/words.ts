// Migration progress in words, shared by the job (its step detail) and tests. Pure.
import type { JobStats } from '@/lib/libvirt';

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

export function formatBytes(n: number): string {
  let i = 0;
  let v = Math.max(0, n);
  for (; v >= 1024 && i < UNITS.length - 1; i++) v /= 1024;
  return `${i === 0 || v >= 100 ? Math.round(v) : v.toFixed(1)} ${UNITS[i]}`;
}

/** The fraction done of a migration job (memory and copied disks together). */
export function jobFraction(s: Pick<JobStats, 'dataTotal' | 'dataProcessed' | 'dataRemaining'>): number {
  const total = s.dataTotal ?? (s.dataProcessed ?? 0) + (s.dataRemaining ?? 0);
  if (!total) return 0;
  return Math.min(1, Math.max(0, 1 - (s.dataRemaining ?? total) / total));
}

/** "412 MiB sent, 96 MiB left, dirtying 1200 pages/s, expected downtime 300 ms". */
export function describeJob(s: JobStats): string {
  const parts: string[] = [];
  if (s.dataProcessed !== null) parts.push(`${formatBytes(s.dataProcessed)} sent`);
  if (s.dataRemaining !== null) parts.push(`${formatBytes(s.dataRemaining)} left`);
  if (s.diskTotal) parts.push(`disks ${formatBytes(s.diskProcessed ?? 0)} of ${formatBytes(s.diskTotal)}`);
  if (s.memoryDirtyRate !== null) parts.push(`dirtying ${s.memoryDirtyRate} pages/s`);
  if (s.memoryIteration) parts.push(`pass ${s.memoryIteration}`);
  if (s.downtimeMs !== null) parts.push(`expected downtime ${s.downtimeMs} ms`);
  return parts.join(', ');
}
