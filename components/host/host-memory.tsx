import type { HostMemory } from '@/lib/host/memory';
import { formatBytes } from '@/components/format';

// The host's memory as every page says it: one service value (lib/host/memory.ts), one format.

export function HostMemoryTotal({ memory }: { memory: Pick<HostMemory, 'totalBytes'> }) {
  return <span data-testid="host-memory-total">{formatBytes(memory.totalBytes)}</span>;
}

/** "23.5 GiB (21.9 GiB available now)" */
export function HostMemoryText({ memory }: { memory: HostMemory }) {
  return (
    <>
      <HostMemoryTotal memory={memory} /> <span data-testid="host-memory-available">({formatBytes(memory.availableBytes)} available now)</span>
    </>
  );
}
