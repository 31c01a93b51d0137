import type { Permission } from '@/lib/auth/roles';
import type { HostContext } from '@/lib/hosts';
import { defineRoute, type RouteHandler } from '@/lib/http/route';
import { vmParams } from '@/lib/vms/names';

// A read about one VM is the same declaration every time: the VM the path names, handed to the service that answers
// about it; a libvirt "not found" names that VM.

export function vmRead(summary: string, access: Permission, read: (host: HostContext, name: string) => unknown): RouteHandler {
  return defineRoute({
    summary,
    access,
    params: vmParams,
    subject: (i) => `virtual machine "${i.params.name}"`,
    run: ({ host, params }) => read(host, params.name),
  });
}
