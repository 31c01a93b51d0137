import Link from 'next/link';
import { Alert } from '@/components/ui/alert';

/** The way back to the VM list that VM pages start with. */
export function BackToVms() {
  return (
    <Link href="/vms" className="text-sm text-sky-800 hover:underline">
      ← Virtual machines
    </Link>
  );
}

/** What a VM page shows when the VM cannot be read: the way back and why. */
export function VmUnreadable({ problem }: { problem: string }) {
  return (
    <div className="space-y-4">
      <BackToVms />
      <Alert testId="vm-error">{problem}</Alert>
    </div>
  );
}
