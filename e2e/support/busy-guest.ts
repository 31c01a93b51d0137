import { ConsoleReader } from '@/test/support/console-reader';
import { bootBanner, shellPrompt } from '@/test/support/fixtures';
import { startRunningGuest, type RunningGuest } from './running-guest';

// A TCG fixture guest spinning its one vCPU: a busy loop typed into its serial console once the shell is up, so
// every CPU figure of it (Prometheus, graphs) has something to rise to.

export interface BusyGuest extends RunningGuest {
  /** Ends the loop (the guest keeps running, idle). */
  calm: () => void;
}

export async function startBusyGuest(name: string): Promise<BusyGuest> {
  const guest = await startRunningGuest(name);
  let reader: ConsoleReader | null = null;
  try {
    reader = await ConsoleReader.forDomain(name);
    await reader.waitFor(bootBanner, 120_000);
    await reader.waitFor(shellPrompt, 30_000);
    reader.write('while :; do :; done &\n');
  } catch (err) {
    reader?.close();
    await guest.remove();
    throw err;
  }
  const console = reader;
  return {
    name,
    calm: () => console.write('kill %1\n'),
    async remove() {
      console.close();
      await guest.remove();
    },
  };
}
