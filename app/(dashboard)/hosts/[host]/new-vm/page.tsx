import { BackToVms } from '@/components/vms/back-to-vms';
import { pageHost, pageRead, requirePageUser } from '@/app/_server/page-user';
import { osVariantById } from '@/lib/osinfo/db';
import { recallSpec } from '@/lib/provisioning/job-specs';
import { wizardOptions } from '@/lib/provisioning/options';
import { CreateWizard } from '@/components/provisioning/create-wizard';
import { FromTemplate } from '@/components/provisioning/from-template';
import { stateFromSpec } from '@/components/provisioning/wizard-state';
import { Alert } from '@/components/ui/alert';

export const metadata = { title: 'New virtual machine' };
export const dynamic = 'force-dynamic';

export default async function NewVmPage({ params, searchParams }: { params: Promise<{ host: string }>; searchParams: Promise<{ from?: string }> }) {
  const host = await pageHost((await params).host);
  await requirePageUser('vm.create');
  const { from } = await searchParams;
  const options = await pageRead(() => wizardOptions(host), 'the host');
  // Back from a failed job: its settings, when this process still holds them.
  const spec = from && /^[0-9a-f-]{36}$/.test(from) ? recallSpec(from) : null;
  const hadPassword = spec?.cloudInit?.user?.password !== undefined;
  const initial = spec ? stateFromSpec(spec, spec.os.variant ? await osVariantById(spec.os.variant) : null) : undefined;
  return (
    <div className="space-y-4">
      <BackToVms />
      <h1 className="text-xl font-semibold">New virtual machine</h1>
      <p className="text-sm text-slate-600" data-testid="new-vm-host">
        On host {host.name} ({host.id}); the sizes and choices below are this host's.
      </p>
      {from && !spec ? (
        <Alert tone="warning" testId="wizard-settings-lost">
          The settings of that job are no longer kept (the server restarted since); fill in the wizard again.
        </Alert>
      ) : null}
      {spec ? (
        <Alert tone="info" testId="wizard-settings-kept">
          The settings of the failed job are filled in{hadPassword ? '; type the password again (it is never sent back to the browser)' : ''}.
        </Alert>
      ) : null}
      {spec ? null : <FromTemplate />}
      {options.value ? <CreateWizard options={options.value} initial={initial} /> : <Alert>{options.problem}</Alert>}
    </div>
  );
}
