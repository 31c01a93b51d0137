import 'server-only';
import type { HostContext } from './host-context';
import type { AddHostInput, EditHostInput } from './input';
import { transportOf } from './input';
import { probeHost, type HostProbe } from './probe';
import { allHosts, forgetHost, hostById, reloadHost } from './registry';
import { createHost, deleteHost, hostRow, LOCAL_HOST_ID, listHostRows, type HostRow, updateHost } from './store';
import type { HostView } from './view';

// The Hosts page's operations: the stored row and the live context kept in step (an edit rebuilds the context,
// a removal closes it), and views that carry no secret.

function viewOf(row: HostRow, host: HostContext | undefined): HostView {
  const transport = transportOf(host?.uri ?? row.uri);
  return {
    id: row.id,
    name: row.name,
    uri: host?.uri ?? row.uri,
    transport,
    local: row.id === LOCAL_HOST_ID,
    ssh: transport === 'ssh' ? { keySource: row.sshKeySource as 'generated' | 'uploaded' | null, publicKey: row.sshPublicKey, hostKey: row.sshHostKey } : null,
    tls: transport === 'tls' ? { ca: !!row.tlsCa, cert: !!row.tlsCert, key: !!row.secrets } : null,
    status: host?.status() ?? { host: row.id, state: 'idle', problem: null, downSince: null },
  };
}

export async function listHostViews(): Promise<HostView[]> {
  const hosts = new Map((await allHosts()).map((h) => [h.id, h]));
  return (await listHostRows()).map((row) => viewOf(row, hosts.get(row.id)));
}

export async function hostView(id: string): Promise<HostView> {
  return viewOf(await hostRow(id), await hostById(id));
}

export async function addHost(input: AddHostInput): Promise<HostView> {
  const row = await createHost(input);
  return viewOf(row, await reloadHost(row.id));
}

export async function editHost(id: string, input: EditHostInput): Promise<HostView> {
  const row = await updateHost(id, input);
  return viewOf(row, await reloadHost(id));
}

export async function removeHost(id: string): Promise<void> {
  await deleteHost(id);
  await forgetHost(id);
}

/** Connects afresh and reports; with the pin a first contact made, the view shows the fingerprint to the admin. */
export async function testHostConnection(id: string): Promise<HostProbe & { host: HostView }> {
  const probe = await probeHost(await hostById(id));
  return { ...probe, host: await hostView(id) };
}
