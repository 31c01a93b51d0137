import { BackToVms } from '@/components/vms/back-to-vms';
import { requirePageUser } from '@/app/_server/page-user';
import { can } from '@/lib/auth/roles';
import { readJob } from '@/lib/jobs/store';
import { recallSpec } from '@/lib/provisioning/job-specs';
import { JobProgress } from '@/components/jobs/job-progress';
import { Alert } from '@/components/ui/alert';

export const metadata = { title: 'Job' };

export default async function JobPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ then?: string }> }) {
  const user = await requirePageUser('vm.read');
  const { id } = await params;
  const { then } = await searchParams;
  const job = /^[0-9a-f-]{36}$/.test(id) ? await readJob(id) : null;
  return (
    <div className="space-y-4">
      <BackToVms />
      {job ? (
        <JobProgress
          initial={job}
          then={then === 'console' ? 'console' : null}
          canCancel={can(user.role, 'vm.create')}
          offers={{
            create: can(user.role, 'vm.create'),
            settingsKept: recallSpec(job.id) !== null,
            start: can(user.role, 'vm.lifecycle'),
            remove: can(user.role, 'vm.delete'),
            edit: can(user.role, 'vm.edit'),
          }}
        />
      ) : (
        <Alert>There is no such job.</Alert>
      )}
    </div>
  );
}
