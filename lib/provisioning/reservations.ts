import { processSingleton } from '@/lib/process/singleton';

// What running create jobs in this process are making: VM names and base-image downloads ("vm:web-01",
// "base:default/base-debian.qcow2"). Two wizards submitting the same thing at once would both pass the checks;
// the second is refused here, so its rollback can never remove what the first one is making.

const names = processSingleton('provisioning.reservations', () => new Set<string>());

export function reserveName(key: string): boolean {
  if (names.has(key)) return false;
  names.add(key);
  return true;
}

export function releaseName(key: string): void {
  names.delete(key);
}
