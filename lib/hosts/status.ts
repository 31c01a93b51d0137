// What pages show about a host's libvirt connection. Pure types: the browser bundle imports this file.

export type HostConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface HostStatus {
  /** Which host this is about (its id in Vireo). */
  host: string;
  state: HostConnectionState;
  /** Plain-words reason while not connected. */
  problem: string | null;
  /** ISO time the connection was lost (or first failed); null while connected. */
  downSince: string | null;
}
