import { HostContext } from '@/lib/hosts/host-context';
import { testSystemUri } from './test-libvirtd';

/** A host context of its own for a test file (its own connections, closed by the test). */
export function testHost(uri = testSystemUri): HostContext {
  return new HostContext({ id: 'test', name: 'test host', uri });
}
