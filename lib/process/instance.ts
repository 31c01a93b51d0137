import { randomUUID } from 'node:crypto';
import { loadSettings } from '@/lib/config/settings';
import { processSingleton } from './singleton';

// Who this process is among several Vireo servers on one database: the server's name (VIREO_SERVER_ID, stable
// across restarts) and this run's id (new at every start, so a restarted server knows its former run's jobs are
// dead however fresh their lease looks).

export interface ServerInstance {
  serverId: string;
  runId: string;
}

export function serverInstance(): ServerInstance {
  return processSingleton('process.instance', () => ({ serverId: loadSettings().serverId, runId: randomUUID() }));
}
