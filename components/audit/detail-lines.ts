import { formatBytes } from '@/components/format';

// An audit entry's detail is the JSON the route recorded (what was asked, and for hardware changes which halves
// took effect). The log shows it as lines a person reads: names in words, sizes in units, yes/no, and each half of
// a live/next-boot change with libvirt's reason when it was refused.

export interface DetailLine {
  key: string;
  value: string;
  tone?: 'ok' | 'refused';
}

export interface DetailView {
  /** The change's own one-sentence account, when it gave one. */
  summary: string | null;
  lines: DetailLine[];
  /** Text that is not a JSON object (an entry clipped at the database limit): shown as it is. */
  raw: string | null;
}

const NAMES: Record<string, string> = {
  live: 'Running guest',
  persistent: 'Next boot',
  jobId: 'Job',
  rolledBack: 'Rolled back',
  targetPath: 'Target path',
  autostart: 'Start at boot',
  mac: 'MAC address',
  ip: 'IP address',
  currentMiB: 'Memory (MiB)',
  maximumMiB: 'Maximum memory (MiB)',
  sizeMiB: 'Size (MiB)',
  sizeGiB: 'Size (GiB)',
  pid: 'Process',
};

/** Fields that hold a number of bytes. */
const BYTES = new Set(['capacity', 'bytes', 'sizeBytes', 'allocation']);

/** "targetPath" → "Target path", "hotplug.slots" → "Hotplug slots". */
export function keyName(path: string): string {
  const last = path.split('.').pop()!;
  if (NAMES[path]) return NAMES[path];
  if (NAMES[last] && !path.includes('.')) return NAMES[last];
  const words = path
    .replace(/\./g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isHalf(v: unknown): v is { status: string; reason?: string } {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { status?: unknown }).status === 'string' &&
    Object.keys(v).every((k) => ['status', 'reason', 'code'].includes(k))
  );
}

function scalar(key: string, v: unknown): string {
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number' && BYTES.has(key)) return `${formatBytes(v)} (${v.toLocaleString('en')} bytes)`;
  if (typeof v === 'number') return v.toLocaleString('en');
  if (typeof v === 'string') return v === '' ? '(empty)' : v;
  return JSON.stringify(v);
}

function walk(prefix: string, value: unknown, out: DetailLine[]): void {
  if (value === null || value === undefined) return;
  const key = prefix.split('.').pop()!;
  if (isHalf(value)) {
    if (value.status === 'not-requested') return;
    const refused = value.status === 'refused';
    out.push({ key: keyName(prefix), value: refused ? `refused: ${value.reason ?? 'no reason given'}` : value.status, tone: refused ? 'refused' : 'ok' });
    return;
  }
  if (Array.isArray(value)) {
    const item = (x: unknown) =>
      typeof x === 'object' && x !== null && !Array.isArray(x)
        ? Object.entries(x)
            .map(([k, v]) => `${keyName(k).toLowerCase()} ${scalar(k, v)}`)
            .join(', ')
        : scalar(key, x);
    out.push({ key: keyName(prefix), value: value.length === 0 ? 'none' : value.map(item).join(value.some((x) => typeof x === 'object') ? '; ' : ', ') });
    return;
  }
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}.${k}` : k, v, out);
    return;
  }
  out.push({ key: keyName(prefix), value: scalar(key, value) });
}

export function detailView(detail: string | null): DetailView {
  if (!detail) return { summary: null, lines: [], raw: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return { summary: null, lines: [], raw: detail };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { summary: null, lines: [], raw: detail };
  const { summary, ...rest } = parsed as Record<string, unknown>;
  const lines: DetailLine[] = [];
  walk('', rest, lines);
  return { summary: typeof summary === 'string' ? summary : null, lines, raw: null };
}

/**
 * A recorded failure: "ERR_OPERATION_INVALID: That is not possible right now. libvirt says: …" → the words first,
 * the code apart (it helps a search, not a reader).
 */
export function reasonOf(error: string): { text: string; code: string | null } {
  const m = /^([A-Z][A-Z0-9_]{2,}): ([\s\S]+)$/.exec(error);
  return m ? { text: m[2]!, code: m[1]! } : { text: error, code: null };
}
