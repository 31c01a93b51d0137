import Link from 'next/link';
import { pageHost, pageRead, requirePageUser } from '@/app/_server/page-user';
import { wizardOptions } from '@/lib/provisioning/options';
import { CreateWizard } from '@/components/provisioning/create-wizard';
import { Alert } from '@/components/ui/alert';

export const metadata = { title: 'New virtual machine' };
export const dynamic = 'force-dynamic';

export default async function NewVmPage() {
  await requirePageUser('vm.create');
  const options = await pageRead(() => wizardOptions(pageHost()), 'the host');
  return (
    <div className="space-y-4">
      <Link href="/vms" className="text-sm text-sky-800 hover:underline">
        ← Virtual machines
      </Link>
      <h1 className="text-xl font-semibold">New virtual machine</h1>
      {options.value ? <CreateWizard options={options.value} /> : <Alert>{options.problem}</Alert>}
    </div>
  );
}
