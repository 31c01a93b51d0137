'use client';

import { useLibvirtStatus } from '@/components/data/hooks';
import { useLiveConnected } from './live-provider';

export function LibvirtBanner() {
  const connected = useLiveConnected();
  const libvirt = useLibvirtStatus().data?.libvirt;
  if (!connected) {
    return (
      <div role="alert" data-testid="server-banner" className="bg-amber-100 px-4 py-2 text-sm text-amber-900">
        Lost the connection to the Vireo server. Retrying…
      </div>
    );
  }
  if (!libvirt || libvirt.state === 'open') return null;
  return (
    <div role="alert" data-testid="libvirt-banner" className="bg-red-700 px-4 py-2 text-sm text-white">
      <strong>libvirtd is not reachable.</strong> {libvirt.problem ?? ''} Nothing can be changed until it is back; this page recovers by itself.
    </div>
  );
}
