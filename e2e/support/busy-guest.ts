import { ConsoleReader } from '@/test/support/console-reader';
import { shellPrompt } from '@/test/support/fixtures';
import { startRunningGuest, type RunningGuest } from './running-guest';

// A TCG fixture guest spinning its one vCPU: a busy loop typed into its serial console once the shell is up, so
// every CPU figure of it (Prometheus, graphs) has something to rise to.

export interface BusyGuest extends RunningGuest {
  /** Ends the loop (the guest keeps running, idle). */
  calm: () => void;
}

/**
 * Waits for the guest's shell by pressing Enter until a prompt answers: on a loaded machine the boot banner may
 * come before the console is open (and be lost), and a TCG boot can take minutes.
 */
async function atPrompt(reader: ConsoleReader, ms = 300_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const from = reader.transcript.length;
    reader.write('\n');
    try {
      await reader.waitFor(shellPrompt, 5000, from);
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
    }
  }
}

export async function startBusyGuest(name: string): Promise<BusyGuest> {
  const guest = await startRunningGuest(name);
  let reader: ConsoleReader | null = null;
  try {
    reader = await ConsoleReader.forDomain(name);
    await atPrompt(reader);
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
