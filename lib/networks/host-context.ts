import { parseUri } from '@/lib/libvirt';
import { loadSettings } from '@/lib/config/settings';
import type { HostContext } from './change';

/** Host addresses, routes and bridges are only meaningful when libvirtd runs on the machine Vireo runs on. */
export function hostContext(uri = loadSettings().libvirtUri): HostContext {
  const host = parseUri(uri).host;
  return { local: host === null || host === 'localhost' || host === '127.0.0.1' || host === '::1' };
}
