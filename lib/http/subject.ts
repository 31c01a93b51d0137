// How error messages name what a request was about: `Virtual machine "web-1" was not found ...`.

const KINDS: Record<string, string> = {
  vm: 'virtual machine',
  network: 'network',
  pool: 'storage pool',
  volume: 'volume',
  job: 'job',
  user: 'user',
};

export function subjectWords(type: string, name: string): string {
  if (type === 'host' || type === 'app') return 'the host';
  const kind = KINDS[type] ?? type;
  return name && name !== '-' ? `${kind} "${name.slice(0, 100)}"` : `the ${kind}`;
}
