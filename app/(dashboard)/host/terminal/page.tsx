import { requirePageUser } from '@/app/_server/page-user';
import { loadSettings } from '@/lib/config/settings';
import { Alert } from '@/components/ui/alert';
import { HostTerminalPanel } from '@/components/consoles/host-terminal-panel';

export const metadata = { title: 'Host terminal' };

export default async function HostTerminalPage() {
  await requirePageUser('host.terminal');
  const enabled = loadSettings().consoles.hostTerminal;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Host terminal</h1>
      {enabled ? (
        <HostTerminalPanel />
      ) : (
        <Alert tone="info" testId="host-terminal-off">
          The host terminal is turned off on this server. An administrator can turn it on with the setting VIREO_HOST_TERMINAL=1.
        </Alert>
      )}
    </div>
  );
}
