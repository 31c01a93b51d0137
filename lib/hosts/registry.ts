import 'server-only';
import { loadSettings } from '@/lib/config/settings';
import { NotFoundError } from '@/lib/errors';
import { processSingleton } from '@/lib/process/singleton';
import { HostContext } from './host-context';

// The hosts this Vireo server manages, one HostContext each. Today that is the local host from LIBVIRT_URI;
// hosts added by admins will join it here, so everything that takes a HostContext works on them unchanged.

export const LOCAL_HOST_ID = 'local';

class HostRegistry {
  private readonly hosts = new Map<string, HostContext>();

  constructor() {
    this.hosts.set(LOCAL_HOST_ID, new HostContext({ id: LOCAL_HOST_ID, name: 'This host', uri: loadSettings().libvirtUri }));
  }

  get(id: string): HostContext {
    const host = this.hosts.get(id);
    if (!host) throw new NotFoundError(`There is no host "${id.slice(0, 100)}" in Vireo.`);
    return host;
  }

  all(): HostContext[] {
    return [...this.hosts.values()];
  }
}

function registry(): HostRegistry {
  return processSingleton('hosts', () => new HostRegistry());
}

/** The host Vireo runs on (LIBVIRT_URI). */
export function localHost(): HostContext {
  return registry().get(LOCAL_HOST_ID);
}

/** A host by its id; NotFoundError when Vireo does not manage it. */
export function hostById(id: string): HostContext {
  return registry().get(id);
}

export function allHosts(): HostContext[] {
  return registry().all();
}
