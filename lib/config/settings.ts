import path from 'node:path';
import { isIP } from 'node:net';
import { z } from 'zod';

// Everything Vireo reads from the environment, validated once. A wrong value stops the server at start with a
// message naming the variable, instead of failing later in a request.

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const envSchema = z.object({
  VIREO_PORT: z.coerce.number({ error: 'must be a port number (1-65535)' }).int('must be a whole number').min(1, 'must be at least 1').max(65535, 'must be at most 65535').default(8443),
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
  VIREO_SESSION_HOURS: z.coerce.number({ error: 'must be a number of hours' }).min(0.1, 'must be at least 0.1').max(24 * 30, 'must be at most 720 (30 days)').default(12),
  // On some hosts KVM's ioctls work yet full guests hang (nested KVM); this makes new guests use TCG.
  VIREO_FORCE_EMULATION: bool.default(false),
  // Consoles (issue 5): the admin host shell is off unless asked for; caps and timeouts for every console.
  VIREO_HOST_TERMINAL: bool.default(false),
  VIREO_CONSOLE_MAX_PER_USER: z.coerce.number().int().min(1).max(100).default(8),
  VIREO_CONSOLE_IDLE_MINUTES: z.coerce.number().min(0.1).max(24 * 60).default(30),
  VIREO_CONSOLE_SCROLLBACK_KIB: z.coerce.number().int().min(4).max(16 * 1024).default(256),
  // 'all': every running VM's serial output is logged from boot; 'opened': only once someone opened it.
  VIREO_CONSOLE_CAPTURE: z.enum(['all', 'opened']).default('all'),
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
  sessionHours: number;
  /** New guests get domain type qemu (TCG) even when the KVM self-test passes. */
  forceEmulation: boolean;
  consoles: ConsoleSettings;
}

export interface ConsoleSettings {
  hostTerminal: boolean;
  maxPerUser: number;
  idleMs: number;
  scrollbackBytes: number;
  capture: 'all' | 'opened';
}

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
    forceEmulation: e.VIREO_FORCE_EMULATION,
    consoles: {
      hostTerminal: e.VIREO_HOST_TERMINAL,
      maxPerUser: e.VIREO_CONSOLE_MAX_PER_USER,
      idleMs: e.VIREO_CONSOLE_IDLE_MINUTES * 60_000,
      scrollbackBytes: e.VIREO_CONSOLE_SCROLLBACK_KIB * 1024,
      capture: e.VIREO_CONSOLE_CAPTURE,
    },
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
