import { choiceParam, pathParam, type ParsedUri, UriError } from './uri';

/**
 * What runs on the remote host at the end of an SSH channel, as libvirt's own client chooses it
 * (virNetClientSSHHelperCommand in libvirt 9):
 * - `native`: `virt-ssh-helper <uri>`, which finds the right daemon socket on the remote side (monolithic libvirtd
 *   or the modular virtqemud) and proxies stdio to it (Debian 12: /usr/bin/virt-ssh-helper, in libvirt-clients).
 * - `netcat`: `nc -U <socket>` to a fixed socket path (libvirtd's /var/run/libvirt/libvirt-sock unless socket=).
 * - `auto` (the default): the helper when the remote host has it, netcat otherwise.
 * libvirt picks netcat when socket= or netcat= is given, since the helper takes no socket path; so does Vireo.
 */
export type SshProxy = 'auto' | 'netcat' | 'native';

export interface SshProxyPlan {
  proxy: SshProxy;
  /** The URI virt-ssh-helper opens (the daemon-side name, e.g. qemu:///system). */
  remoteName: string;
  readOnly: boolean;
  /** For netcat: the remote socket. */
  socket: string;
  /** For netcat: the nc binary. */
  netcat: string;
}

/** Remote path of libvirtd's socket (LOCALSTATEDIR/run, which every host has, as libvirt's client uses). */
export const REMOTE_SOCKET = '/var/run/libvirt/libvirt-sock';

export function sshProxyPlan(uri: ParsedUri, readOnly: boolean): SshProxyPlan {
  const socket = pathParam(uri, 'socket');
  const netcat = uri.params.netcat;
  if (netcat !== undefined && (!/^[\w./+-]+$/.test(netcat) || netcat === ''))
    throw new UriError(`netcat=${JSON.stringify(netcat)}: not a command name or path`);
  let proxy = choiceParam(uri, 'proxy', ['auto', 'netcat', 'native'] as const);
  if (proxy === 'native' && (socket || netcat)) throw new UriError('proxy=native runs virt-ssh-helper, which takes no socket= or netcat=');
  proxy ??= socket || netcat ? 'netcat' : 'auto';
  return { proxy, remoteName: uri.remoteName, readOnly, socket: socket ?? `${REMOTE_SOCKET}${readOnly ? '-ro' : ''}`, netcat: netcat ?? 'nc' };
}

/** One POSIX shell word: single quotes, with each ' written as '\''. */
export function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * The command string sent in the SSH exec request. sshd hands it to the user's login shell, which may not be a
 * POSIX one, so the logic is one quoted argument to `sh -c` (hence two levels of quoting, as libvirt does).
 */
export function sshProxyCommand(plan: SshProxyPlan): string {
  const helper = `exec virt-ssh-helper ${plan.readOnly ? '-r ' : ''}${shellQuote(plan.remoteName)}`;
  // OpenBSD netcat (Debian's nc) keeps running after its input ends unless told -q0; other netcats lack -q.
  const nc = shellQuote(plan.netcat);
  const netcat = `if ${nc} -q 2>&1 | grep 'requires an argument' >/dev/null 2>&1; then ARG=-q0; else ARG=; fi; exec ${nc} $ARG -U ${shellQuote(plan.socket)}`;
  const script = {
    native: helper,
    netcat,
    auto: `if command -v virt-ssh-helper >/dev/null 2>&1; then ${helper}; else ${netcat}; fi`,
  }[plan.proxy];
  return `sh -c ${shellQuote(script)}`;
}
