import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/page-user';
import { wizardOptions } from '@/lib/provisioning/options';
import { CreateWizard } from '@/components/provisioning/create-wizard';
import { Alert } from '@/components/ui/alert';
import { pageRead } from '../page-read';

export const metadata = { title: 'New virtual machine' };
export const dynamic = 'force-dynamic';

export default async function NewVmPage() {
  await requirePageUser('vm.create');
  const options = await pageRead(wizardOptions, 'the host');
  return (
    <div className="space-y-4">
      <Link href="/vms" className="text-sm text-sky-800 hover:underline">← Virtual machines</Link>
      <h1 className="text-xl font-semibold">New virtual machine</h1>
      {options.value ? <CreateWizard options={options.value} /> : <Alert>{options.problem}</Alert>}
    </div>
  );
}
