'use client';

import dynamic from 'next/dynamic';

export const HostTerminalPanel = dynamic(() => import('./host-terminal').then((m) => m.HostTerminal), { ssr: false });
