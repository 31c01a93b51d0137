import type { RemoteProcedures } from '../protocol/remote.gen';
import { XdrWriter } from '../xdr';

// For unit tests of the API classes (lib/libvirt/api): a stand-in for the generated procedures that records what
// each call was given, and the domain those tests act on with its hand-written wire form.

export const sampleUuid = '4b1e7b4c-0f6a-4d5e-9a53-7c0e1d2f3a4b';
export const sampleDomain = { name: 'vm1', uuid: sampleUuid, id: 3 };
/** The 16 raw bytes of the sample domain's UUID, as remote_nonnull_domain carries them. */
export const sampleUuidBytes = Buffer.from(sampleUuid.replace(/-/g, ''), 'hex');

export interface RecordedCall {
  proc: string;
  args: unknown;
}

/** Procedures that record each call's arguments; `answer` plays the daemon (an empty reply unless it says more). */
export function recordingProcedures(answer: (proc: string) => unknown = () => ({})): { procedures: RemoteProcedures; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const procedures = new Proxy({} as RemoteProcedures, {
    get: (_t, proc: string) => (args: unknown) => {
      calls.push({ proc, args });
      return new Promise((resolve) => resolve(answer(proc)));
    },
  });
  return { procedures, calls };
}

/** A call's arguments as the client puts them on the wire, in hex, to compare with bytes written out by hand. */
export function wireHex<T>(encode: (w: XdrWriter, v: T) => void, args: unknown): string {
  const w = new XdrWriter();
  encode(w, args as T);
  return w.toBuffer().toString('hex');
}
