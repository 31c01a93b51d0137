import 'server-only';
import type { Host } from '@prisma/client';
import { db } from '@/lib/db/client';
import { ConflictError, InputError, NotFoundError } from '@/lib/errors';
import { HostKeyError } from '@/lib/libvirt';
import type { HostOptions } from './host-context';
import { type AddHostInput, type EditHostInput, HOST_ID, slugOf, transportOf, uriProblem } from './input';
import { open, seal } from '@/lib/config/secret-box';
import { generateSshKeyPair, publicKeyOf } from './ssh-keys';

// Hosts in the database: what admins add, edit and remove, and how a row becomes the options of a HostContext.
// Private key material is sealed (lib/config/secret-box.ts) before it is written and opened only to build a connection.

export const LOCAL_HOST_ID = 'local';
export type HostRow = Host;

interface Secrets {
  sshPrivateKey?: string;
  sshPassphrase?: string;
  tlsKey?: string;
}

const openSecrets = (row: HostRow): Secrets => (row.secrets ? (JSON.parse(open(row.secrets)) as Secrets) : {});
const sealSecrets = (s: Secrets): string | null => (Object.values(s).some(Boolean) ? seal(JSON.stringify(s)) : null);

export async function listHostRows(): Promise<HostRow[]> {
  return db().host.findMany({ orderBy: { createdAt: 'asc' } });
}

export async function hostRow(id: string): Promise<HostRow> {
  const row = HOST_ID.test(id) ? await db().host.findUnique({ where: { id } }) : null;
  if (!row) throw new NotFoundError(`There is no host "${id.slice(0, 100)}" in Vireo.`);
  return row;
}

/** The local host's row, made at first start so a single-host install lists the host it always had. */
export async function ensureLocalHostRow(uri: string): Promise<HostRow> {
  return db().host.upsert({ where: { id: LOCAL_HOST_ID }, create: { id: LOCAL_HOST_ID, name: 'This host', uri }, update: {} });
}

/** The options of a row's HostContext. `onPin` is told when an unpinned SSH host's key was trusted at first contact. */
export function hostOptionsOf(row: HostRow, uri = row.uri, onPin: (fingerprint: string) => Promise<void> = (fp) => pinHostKey(row.id, fp)): HostOptions {
  const transport = transportOf(uri);
  if (transport !== 'ssh' && transport !== 'tls') return { id: row.id, name: row.name, uri };
  const secrets = openSecrets(row);
  if (transport === 'tls') {
    return { id: row.id, name: row.name, uri, credentials: { tls: { ca: row.tlsCa ?? undefined, cert: row.tlsCert ?? undefined, key: secrets.tlsKey } } };
  }
  // The policy object is shared by every connection of the context: once the first contact pins a key, the next
  // dial (a reconnect, the console connection) checks against it.
  const hostKey: NonNullable<NonNullable<HostOptions['credentials']>['ssh']>['hostKey'] = row.sshHostKey
    ? { expected: row.sshHostKey }
    : {
        onFirstContact: async (fp: string) => {
          await onPin(fp);
          hostKey!.expected = fp;
          return true;
        },
      };
  return { id: row.id, name: row.name, uri, credentials: { ssh: { privateKey: secrets.sshPrivateKey, passphrase: secrets.sshPassphrase, hostKey } } };
}

/** Trust on first use: pins the key unless another key was pinned meanwhile (then that pin wins and this one is refused). */
export async function pinHostKey(id: string, fingerprint: string): Promise<void> {
  const { count } = await db().host.updateMany({ where: { id, sshHostKey: null }, data: { sshHostKey: fingerprint } });
  if (count === 1) return;
  const row = await db().host.findUnique({ where: { id } });
  if (row?.sshHostKey && row.sshHostKey !== fingerprint) throw new HostKeyError('changed', id, fingerprint, row.sshHostKey);
}

function sshKeyFields(input: AddHostInput['ssh'], id: string, secrets: Secrets): Partial<HostRow> {
  if (!input) return {};
  const comment = `vireo@${id}`;
  if (input.source === 'generate') {
    const pair = generateSshKeyPair(comment);
    secrets.sshPrivateKey = pair.privateKey;
    delete secrets.sshPassphrase;
    return { sshKeySource: 'generated', sshPublicKey: pair.publicKey };
  }
  const publicKey = publicKeyOf(input.privateKey, input.passphrase, comment);
  secrets.sshPrivateKey = input.privateKey;
  secrets.sshPassphrase = input.passphrase;
  return { sshKeySource: 'uploaded', sshPublicKey: publicKey };
}

function tlsFields(input: AddHostInput['tls'], row: Partial<HostRow>, secrets: Secrets): Partial<HostRow> {
  const out: Partial<HostRow> = {};
  if (input?.ca) out.tlsCa = input.ca;
  if (input?.cert) out.tlsCert = input.cert;
  if (input?.key) secrets.tlsKey = input.key;
  const cert = out.tlsCert ?? row.tlsCert;
  if (!cert !== !secrets.tlsKey) throw InputError.of({ [cert ? 'tls.key' : 'tls.cert']: 'The client certificate and its key go together.' });
  return out;
}

/** What a host's transport needs before it can be stored: a key for SSH, a CA for TLS. */
function checkComplete(uri: string, row: Partial<HostRow>, secrets: Secrets): void {
  const problem = uriProblem(uri);
  if (problem) throw InputError.of({ uri: problem });
  const transport = transportOf(uri);
  if (transport === 'ssh' && !secrets.sshPrivateKey) throw InputError.of({ ssh: 'An SSH host needs a key: let Vireo generate one, or upload one.' });
  if (transport === 'tls' && !row.tlsCa && !/[?&]no_verify=1/.test(uri))
    throw InputError.of({ 'tls.ca': "A TLS host needs the CA certificate that signed the host's certificate." });
}

export async function createHost(input: AddHostInput): Promise<HostRow> {
  const id = input.id ?? slugOf(input.name);
  if (await db().host.findUnique({ where: { id } }))
    throw new ConflictError(`There is already a host "${id}"; choose another id.`, { fields: { id: 'taken' } });
  const secrets: Secrets = {};
  const fields: Partial<HostRow> = { ...sshKeyFields(input.ssh, id, secrets) };
  Object.assign(fields, tlsFields(input.tls, fields, secrets));
  checkComplete(input.uri, fields, secrets);
  try {
    return await db().host.create({
      data: { ...fields, id, name: input.name, uri: input.uri, sshHostKey: input.hostKey ?? null, secrets: sealSecrets(secrets) },
    });
  } catch (err) {
    if ((err as { code?: string }).code === 'P2002') throw new ConflictError(`There is already a host "${id}"; choose another id.`);
    throw err;
  }
}

export async function updateHost(id: string, input: EditHostInput): Promise<HostRow> {
  const row = await hostRow(id);
  if (id === LOCAL_HOST_ID && (input.uri || input.ssh || input.tls || input.hostKey)) {
    throw InputError.of({ uri: "The local host's connection comes from LIBVIRT_URI; only its name can change here." });
  }
  const secrets = openSecrets(row);
  const fields: Partial<HostRow> = { ...sshKeyFields(input.ssh, id, secrets) };
  Object.assign(fields, tlsFields(input.tls, { ...row, ...fields }, secrets));
  const uri = input.uri ?? row.uri;
  checkComplete(uri, { ...row, ...fields }, secrets);
  // A new address or a new key pair is a new trust decision: the pin goes unless one is given.
  const newTrust = input.forgetHostKey || (input.uri !== undefined && input.uri !== row.uri);
  const sshHostKey = input.hostKey ?? (newTrust ? null : row.sshHostKey);
  return db().host.update({ where: { id }, data: { ...fields, name: input.name ?? row.name, uri, sshHostKey, secrets: sealSecrets(secrets) } });
}

export async function deleteHost(id: string): Promise<void> {
  if (id === LOCAL_HOST_ID) throw new ConflictError('The local host cannot be removed: Vireo runs on it.');
  await hostRow(id);
  await db().host.delete({ where: { id } });
}
