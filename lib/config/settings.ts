import path from 'node:path';
import { isIP } from 'node:net';
import { hostname } from 'node:os';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';
// Relative: prisma.config.ts loads this file without the @/ alias.
import { normalizeTag, tagProblem } from '../tags/rules';

// Everything Vireo reads from the environment, validated once. A wrong value stops the server at start with a
// message naming the variable, instead of failing later in a request.

/**
 * vCPUs per logical CPU when VIREO_PLACEMENT_CPU_OVERCOMMIT is not set: most guests idle most of the time, and 4:1 is
 * the usual starting ratio for general-purpose VMs; CPU-bound fleets set 1.
 */
export const DEFAULT_CPU_OVERCOMMIT = 4;

const bool = z.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off']).transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const envSchema = z.object({
  VIREO_PORT: z.coerce
    .number({ error: 'must be a port number (1-65535)' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(65535, 'must be at most 65535')
    .default(8443),
  VIREO_HOST: z
    .string()
    .refine((h) => h === 'localhost' || isIP(h) !== 0, 'must be an IP address or "localhost"')
    .default('0.0.0.0'),
  VIREO_DATA_DIR: z.string().min(1).default('data'),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with file: (SQLite) or postgresql:// (PostgreSQL)')
    .optional(),
  LIBVIRT_URI: z
    .string()
    .regex(/^[a-z][a-z0-9+]*:\/\/[^\s]*$/, 'must be a libvirt URI such as qemu:///system')
    .default('qemu:///system'),
  VIREO_TLS: bool.default(true),
  VIREO_TLS_CERT: z.string().min(1).optional(),
  VIREO_TLS_KEY: z.string().min(1).optional(),
  VIREO_TRUST_PROXY: bool.default(false),
  VIREO_SESSION_HOURS: z.coerce
    .number({ error: 'must be a number of hours' })
    .min(0.1, 'must be at least 0.1')
    .max(24 * 30, 'must be at most 720 (30 days)')
    .default(12),
  // However busy a session is, it ends this long after sign-in (default: a day, or the idle time if longer).
  VIREO_SESSION_MAX_HOURS: z.coerce
    .number({ error: 'must be a number of hours' })
    .min(1, 'must be at least 1')
    .max(24 * 90, 'must be at most 2160 (90 days)')
    .optional(),
  // Image downloads refuse internal addresses; these CIDRs, addresses or host names (lab mirrors) are let through.
  VIREO_IMAGE_ALLOW: z
    .string()
    .transform((text, ctx) => parseImageAllow(text, ctx))
    .optional(),
  // On some hosts KVM's ioctls work yet full guests hang (nested KVM); this makes new guests use TCG.
  VIREO_FORCE_EMULATION: bool.default(false),
  // Consoles (issue 5): the admin host shell is off unless asked for; caps and timeouts for every console.
  VIREO_HOST_TERMINAL: bool.default(false),
  VIREO_CONSOLE_MAX_PER_USER: z.coerce.number().int().min(1).max(100).default(8),
  VIREO_CONSOLE_IDLE_MINUTES: z.coerce
    .number()
    .min(0.1)
    .max(24 * 60)
    .default(30),
  VIREO_CONSOLE_SCROLLBACK_KIB: z.coerce
    .number()
    .int()
    .min(4)
    .max(16 * 1024)
    .default(256),
  // 'all': every running VM's serial output is logged from boot; 'opened': only once someone opened it.
  VIREO_CONSOLE_CAPTURE: z.enum(['all', 'opened']).default('all'),
  // Metrics (issue 17): how often each host's collector samples every VM. The history's finest tier is 10 s, so
  // sampling faster would only be averaged away; 'off' stops the collector (graphs stay empty, /metrics still works).
  VIREO_METRICS_INTERVAL_SECONDS: z
    .string()
    .transform((text, ctx) => parseMetricsInterval(text, ctx))
    .optional(),
  // Alerts (issue 17): webhook receivers refuse internal addresses like image downloads do, except these.
  VIREO_ALERT_WEBHOOK_ALLOW: z
    .string()
    .transform((text, ctx) => parseImageAllow(text, ctx))
    .optional(),
  // Email receivers send through this SMTP server: smtp://[user:password@]host[:port] (STARTTLS when offered) or smtps://.
  VIREO_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s/]+\/?$/, 'must be smtp://[user:password@]host[:port] or smtps://...')
    .optional(),
  VIREO_SMTP_FROM: z.email({ error: 'must be an email address' }).optional(),
  // Several servers on one PostgreSQL: each names itself (jobs record it) and keeps its jobs' leases alive.
  VIREO_SERVER_ID: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,100}$/, 'must be 1-100 letters, digits, dots, colons, dashes or underscores')
    .optional(),
  VIREO_JOB_LEASE_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).min(2, 'must be at least 2').max(3600, 'must be at most 3600').default(30),
  // Placement (issue 15): vCPUs a host may hand out per logical CPU, and tags two VMs may not both carry on one host.
  VIREO_PLACEMENT_CPU_OVERCOMMIT: z.coerce
    .number({ error: 'must be a number (vCPUs per logical CPU)' })
    .min(1, 'must be at least 1')
    .max(64, 'must be at most 64')
    .default(DEFAULT_CPU_OVERCOMMIT),
  VIREO_ANTI_AFFINITY_TAGS: z
    .string()
    .transform((text, ctx) => parseTagList(text, ctx))
    .optional(),
});

export interface Settings {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  databaseProvider: 'sqlite' | 'postgresql';
  libvirtUri: string;
  tls: { enabled: true; certFile: string; keyFile: string; generated: boolean } | { enabled: false };
  trustProxy: boolean;
  /** Idle lifetime of a session; each use slides it. */
  sessionHours: number;
  /** Absolute lifetime of a session from sign-in, whatever its use. */
  sessionMaxHours: number;
  /** Internal destinations image downloads may reach anyway (VIREO_IMAGE_ALLOW). */
  imageAllow: ImageAllowEntry[];
  /** New guests get domain type qemu (TCG) even when the KVM self-test passes. */
  forceEmulation: boolean;
  consoles: ConsoleSettings;
  /** Seconds between metrics samples of each host; null when the collector is off. */
  metricsIntervalSeconds: number | null;
  alerts: AlertSettings;
  /** This server's name among several on one database (VIREO_SERVER_ID; default host name and port). */
  serverId: string;
  /** How long a job stays this server's without a heartbeat; another server may fail it after that. */
  jobLeaseMs: number;
  /** Placement rules (lib/placement): vCPU overcommit and anti-affine tags. */
  placement: { cpuOvercommit: number; antiAffinityTags: string[] };
}

export interface AlertSettings {
  /** Internal destinations webhook receivers may reach anyway (VIREO_ALERT_WEBHOOK_ALLOW). */
  webhookAllow: ImageAllowEntry[];
  /** The SMTP server of email receivers; null: email is not set up. */
  smtpUrl: string | null;
  smtpFrom: string | null;
}

/** An allow-list entry: a network (a lone address is a /32 or /128) or an exact host name. */
export type ImageAllowEntry = { kind: 'cidr'; cidr: string } | { kind: 'host'; name: string };

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

function parseImageAllow(text: string, ctx: z.RefinementCtx): ImageAllowEntry[] {
  const entries: ImageAllowEntry[] = [];
  for (const raw of text
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean)) {
    if (ipaddr.isValidCIDR(raw)) {
      const [addr, bits] = ipaddr.parseCIDR(raw);
      entries.push({ kind: 'cidr', cidr: `${addr.toString()}/${bits}` });
    } else if (ipaddr.isValid(raw)) {
      const addr = ipaddr.process(raw); // ::ffff:10.0.0.5 is 10.0.0.5
      entries.push({ kind: 'cidr', cidr: `${addr.toString()}/${addr.kind() === 'ipv4' ? 32 : 128}` });
    } else if (HOST_NAME.test(raw.replace(/\.$/, ''))) {
      entries.push({ kind: 'host', name: raw.replace(/\.$/, '') });
    } else {
      ctx.addIssue({ code: 'custom', message: `"${raw}" is not a CIDR (10.1.0.0/16), an address or a host name; separate entries with commas` });
      return z.NEVER;
    }
  }
  return entries;
}

function parseTagList(text: string, ctx: z.RefinementCtx): string[] {
  const tags = [...new Set(text.split(',').map(normalizeTag).filter(Boolean))];
  for (const tag of tags) {
    const problem = tagProblem(tag);
    if (problem) ctx.addIssue({ code: 'custom', message: `${problem} Separate tags with commas.` });
  }
  return tags;
}

function parseMetricsInterval(text: string, ctx: z.RefinementCtx): number | null {
  if (text.trim().toLowerCase() === 'off') return null;
  const n = Number(text);
  const problem = !Number.isFinite(n)
    ? 'must be a number of seconds (10-300) or "off"'
    : !Number.isInteger(n)
      ? 'must be a whole number of seconds'
      : n < 10
        ? 'must be at least 10 (the finest history step)'
        : n > 300
          ? 'must be at most 300'
          : null;
  if (!problem) return n;
  ctx.addIssue({ code: 'custom', message: problem });
  return z.NEVER;
}

export interface ConsoleSettings {
  hostTerminal: boolean;
  maxPerUser: number;
  idleMs: number;
  scrollbackBytes: number;
  capture: 'all' | 'opened';
}

/**
 * A day: the shortest absolute lifetime that never cuts into a working day (one sign-in lasts through it), and the
 * longest a stolen session cookie that is kept busy stays useful. Vireo's admins hold root on the host.
 */
export const DEFAULT_SESSION_MAX_HOURS = 24;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Vireo cannot start, its settings are wrong:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

export type Env = Record<string, string | undefined>;

export function loadSettings(env: Env = process.env, cwd = process.cwd()): Settings {
  const parsed = envSchema.safeParse(pickDefined(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const dataDir = path.resolve(cwd, e.VIREO_DATA_DIR);
  const databaseUrl = e.DATABASE_URL ? resolveSqliteUrl(e.DATABASE_URL, cwd) : `file:${path.join(dataDir, 'vireo.db')}`;

  if (Boolean(e.VIREO_TLS_CERT) !== Boolean(e.VIREO_TLS_KEY)) {
    problems.push('VIREO_TLS_CERT and VIREO_TLS_KEY: set both (your certificate and its key) or neither');
  }
  // Plain HTTP would send passwords and session cookies in the clear, so it is allowed only where nobody
  // else can listen: on loopback, or behind a TLS-terminating proxy the admin vouches for.
  if (!e.VIREO_TLS && !isLoopback(e.VIREO_HOST) && !e.VIREO_TRUST_PROXY) {
    problems.push(
      `VIREO_TLS: plain HTTP is only allowed on a loopback address (VIREO_HOST=127.0.0.1) or behind a proxy ` +
        `(VIREO_TRUST_PROXY=1); VIREO_HOST is ${e.VIREO_HOST}`,
    );
  }
  if (e.VIREO_SESSION_MAX_HOURS !== undefined && e.VIREO_SESSION_MAX_HOURS < e.VIREO_SESSION_HOURS) {
    problems.push(
      `VIREO_SESSION_MAX_HOURS: the absolute session lifetime (${e.VIREO_SESSION_MAX_HOURS} h) is shorter than the idle one (VIREO_SESSION_HOURS, ` +
        `${e.VIREO_SESSION_HOURS} h)`,
    );
  }
  if (problems.length) throw new ConfigError(problems);

  const tls: Settings['tls'] = !e.VIREO_TLS
    ? { enabled: false }
    : e.VIREO_TLS_CERT && e.VIREO_TLS_KEY
      ? { enabled: true, certFile: path.resolve(cwd, e.VIREO_TLS_CERT), keyFile: path.resolve(cwd, e.VIREO_TLS_KEY), generated: false }
      : { enabled: true, certFile: path.join(dataDir, 'tls', 'cert.pem'), keyFile: path.join(dataDir, 'tls', 'key.pem'), generated: true };

  return {
    port: e.VIREO_PORT,
    host: e.VIREO_HOST,
    dataDir,
    databaseUrl,
    databaseProvider: databaseUrl.startsWith('file:') ? 'sqlite' : 'postgresql',
    libvirtUri: e.LIBVIRT_URI,
    tls,
    trustProxy: e.VIREO_TRUST_PROXY,
    sessionHours: e.VIREO_SESSION_HOURS,
    sessionMaxHours: e.VIREO_SESSION_MAX_HOURS ?? Math.max(DEFAULT_SESSION_MAX_HOURS, e.VIREO_SESSION_HOURS),
    imageAllow: e.VIREO_IMAGE_ALLOW ?? [],
    forceEmulation: e.VIREO_FORCE_EMULATION,
    consoles: {
      hostTerminal: e.VIREO_HOST_TERMINAL,
      maxPerUser: e.VIREO_CONSOLE_MAX_PER_USER,
      idleMs: e.VIREO_CONSOLE_IDLE_MINUTES * 60_000,
      scrollbackBytes: e.VIREO_CONSOLE_SCROLLBACK_KIB * 1024,
      capture: e.VIREO_CONSOLE_CAPTURE,
    },
    metricsIntervalSeconds: e.VIREO_METRICS_INTERVAL_SECONDS === undefined ? 10 : e.VIREO_METRICS_INTERVAL_SECONDS,
    alerts: { webhookAllow: e.VIREO_ALERT_WEBHOOK_ALLOW ?? [], smtpUrl: e.VIREO_SMTP_URL ?? null, smtpFrom: e.VIREO_SMTP_FROM ?? null },
    serverId: e.VIREO_SERVER_ID ?? `${hostname()}:${e.VIREO_PORT}`,
    jobLeaseMs: e.VIREO_JOB_LEASE_SECONDS * 1000,
    placement: { cpuOvercommit: e.VIREO_PLACEMENT_CPU_OVERCOMMIT, antiAffinityTags: e.VIREO_ANTI_AFFINITY_TAGS ?? [] },
  };
}

// Empty strings count as unset, so `VIREO_PORT= npm start` falls back to the default.
function pickDefined(env: Env): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((kv): kv is [string, string] => kv[1] !== undefined && kv[1] !== ''));
}

// SQLite paths are made absolute so the CLI (migrations) and the server open the same file whatever their cwd.
function resolveSqliteUrl(url: string, cwd: string): string {
  if (!url.startsWith('file:')) return url;
  const file = url.slice('file:'.length);
  return `file:${path.resolve(cwd, file)}`;
}
