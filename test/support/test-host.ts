import { HostContext, type HostOptions } from '@/lib/hosts/host-context';
import { testSystemUri } from './test-libvirtd';

/** A host context of its own for a test file (its own connections, closed by the test). */
export function testHost(uri = testSystemUri, credentials?: HostOptions['credentials'], id = 'test'): HostContext {
  return new HostContext({ id, name: `${id} host`, uri, credentials });
}
