import { pageHost, requirePageUser } from '@/app/_server/page-user';
import { can } from '@/lib/auth/roles';
import { SchedulesPanel } from '@/components/backups/schedules-panel';

export const metadata = { title: 'Backups' };

export default async function BackupsPage({ params }: { params: Promise<{ host: string }> }) {
  const user = await requirePageUser('vm.read');
  const host = await pageHost((await params).host);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Backup schedules{host.id === 'local' ? '' : ` on ${host.name}`}</h1>
      <p className="text-sm text-slate-600">
        Each VM&apos;s backups, with restore and verify, are on its Backups tab. Here: when backups run by themselves and what they keep.
      </p>
      <SchedulesPanel canManage={can(user.role, 'backup.manage')} />
    </div>
  );
}
