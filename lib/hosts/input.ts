import { z } from 'zod';

// What an admin sends to add or edit a host, checked before anything is stored or dialled. Pure: the API schemas
// and their unit tests use it.

/** URL-safe: it appears in /hosts/{id}/... and /api/hosts/{id}/... */
export const HOST_ID = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
export const hostIdSchema = z.string().regex(HOST_ID, 'lower-case letters, digits and dashes (up to 40), not starting or ending with a dash');

/**
 * The URIs a host may have: the local socket (qemu:///system, qemu+unix:///system) or a remote daemon that the URI
 * names (qemu+ssh://user@host[:port]/..., qemu+tls://host/..., qemu+tcp://host/...). test+... and other drivers are
 * not hosts Vireo manages. One pattern, so the API reference (and its fuzz test) knows the whole rule.
 */
const URI = /^(qemu(\+unix)?:\/\/\/\S*|qemu(\+(ssh|tls|tcp))?:\/\/([^\s/@?]+@)?([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:[0-9]{1,5})?\/\S*)$/;

export const hostUriSchema = z
  .string()
  .trim()
  .min(1, 'a libvirt URI, e.g. qemu+ssh://root@host/system')
  .max(500)
  .regex(URI, 'qemu:///system, qemu+ssh://user@host[:port]/system, qemu+tls://host[:port]/system or qemu+tcp://host[:port]/system');

/** Client-side parameters that would make Vireo read its own files or run other programs: never from a form. */
export const REFUSED_URI_PARAMS = ['keyfile', 'pkipath', 'command', 'proxy', 'netcat', 'known_hosts'] as const;

/** What the pattern cannot say: a refused parameter, a port out of range. Null when the URI is fine. */
export function uriProblem(uri: string): string | null {
  const query = uri.split('?')[1] ?? '';
  const names = query.split('&').map((p) => decodeURIComponentSafe(p.split('=')[0] ?? ''));
  const refused = names.filter((n) => (REFUSED_URI_PARAMS as readonly string[]).includes(n));
  if (refused.length) return `The URI may not set ${refused.join(', ')}: Vireo keeps keys and certificates itself.`;
  const port = /^[^/]*\/\/[^/]*:([0-9]+)\//.exec(uri)?.[1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return `Port ${port} is not a TCP port (1-65535).`;
  return null;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const pem = (what: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(20_000)
    .regex(/-----BEGIN [A-Z0-9 ]+-----/, `${what} in PEM form (-----BEGIN ...)`);

export const sshKeyInput = z.discriminatedUnion('source', [
  z.object({ source: z.literal('generate') }),
  z.object({
    source: z.literal('upload'),
    privateKey: z
      .string()
      .trim()
      .min(1)
      .max(20_000)
      .regex(/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/, 'an OpenSSH or PEM private key'),
    passphrase: z.string().max(1000).optional(),
  }),
]);

export const fingerprintSchema = z
  .string()
  .trim()
  .regex(/^(SHA256:)?[A-Za-z0-9+/]{43}=?$/, 'SHA256:<43 base64 characters>, as ssh-keygen -lf prints it');

export const tlsInput = z.object({
  ca: pem('the CA certificate').optional(),
  cert: pem('the client certificate').optional(),
  key: z
    .string()
    .trim()
    .min(1)
    .max(20_000)
    .regex(/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'the client key in PEM form')
    .optional(),
});

export const addHostBody = z.object({
  id: hostIdSchema.optional(),
  name: z.string().trim().min(1).max(100),
  uri: hostUriSchema,
  ssh: sshKeyInput.optional(),
  /** Pin this fingerprint now instead of trusting the host's key at first contact. */
  hostKey: fingerprintSchema.optional(),
  tls: tlsInput.optional(),
});
export type AddHostInput = z.output<typeof addHostBody>;

export const editHostBody = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  uri: hostUriSchema.optional(),
  /** A new key pair (generated or uploaded) replaces the old one. */
  ssh: sshKeyInput.optional(),
  hostKey: fingerprintSchema.optional(),
  /** Forget the pinned host key: the next contact pins again (after a host was reinstalled). */
  forgetHostKey: z.boolean().optional(),
  /** Given parts replace the stored ones. */
  tls: tlsInput.optional(),
});
export type EditHostInput = z.output<typeof editHostBody>;

export type HostTransport = 'unix' | 'ssh' | 'tls' | 'tcp';

export function transportOf(uri: string): HostTransport {
  const m = /^qemu(?:\+(ssh|tls|tcp|unix))?:\/\/([^/]*)/.exec(uri);
  if (m?.[1]) return m[1] as HostTransport;
  // libvirt's rule: a host without a transport means TLS
  return m?.[2] ? 'tls' : 'unix';
}

/** A slug made from a name, for hosts added without an id. */
export function slugOf(name: string): string {
  const s = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return s || 'host';
}
