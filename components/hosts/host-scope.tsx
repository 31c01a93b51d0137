'use client';

import { useParams } from 'next/navigation';

// Which host the page is about: the {host} of /hosts/{host}/... (app/(dashboard)/hosts/[host]/), read by the data
// hooks and links, so a component shows the same thing for whichever host its page names. Pages outside a host
// (the dashboard, jobs) are about the local host.

/** The id of the host the page is about. */
export function useHostId(): string {
  const params = useParams<{ host?: string }>();
  return typeof params?.host === 'string' ? decodeURIComponent(params.host) : 'local';
}
