'use client';

import type { ReactNode } from 'react';
import { SWRConfig } from 'swr';
import { fetchJson, worthRetrying } from './fetcher';

const config = {
  fetcher: fetchJson,
  shouldRetryOnError: worthRetrying,
  errorRetryCount: 5,
  // What changes behind Vireo's back arrives by itself: VMs over the live feed, leases and lists by polling
  // (refreshInterval). Refetching every key whenever the tab regains focus would add requests, not news.
  revalidateOnFocus: false,
};

/** The browser's one data cache: every list and detail below reads through it (see components/data/hooks.ts). */
export function DataProvider({ children }: { children: ReactNode }) {
  return <SWRConfig value={config}>{children}</SWRConfig>;
}
