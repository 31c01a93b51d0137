import 'server-only';
import ssh2, { type ParsedKey } from 'ssh2';
import { InputError } from '@/lib/errors';

// Key pairs for SSH hosts: one Vireo makes (ed25519; the admin copies the public half into the host's
// authorized_keys) or one the admin uploads (its public half is derived, so it can be shown the same way).

export interface SshKeyPair {
  privateKey: string;
  publicKey: string;
}

export function generateSshKeyPair(comment: string): SshKeyPair {
  const pair = ssh2.utils.generateKeyPairSync('ed25519', { comment });
  return { privateKey: pair.private, publicKey: pair.public.trim() };
}

/** The uploaded key's public half in authorized_keys form; an unusable key or wrong passphrase is an InputError. */
export function publicKeyOf(privateKey: string, passphrase: string | undefined, comment: string): string {
  const key: ParsedKey | Error = ssh2.utils.parseKey(privateKey, passphrase);
  if (key instanceof Error) {
    const why = key.message;
    throw InputError.of({ 'ssh.privateKey': `This private key cannot be used (${why}). Is the passphrase right?` });
  }
  if (!key.isPrivateKey()) throw InputError.of({ 'ssh.privateKey': 'This is a public key; upload the private key (the file without .pub).' });
  return `${key.type} ${key.getPublicSSH().toString('base64')} ${comment}`;
}
