import { requirePageUser } from '@/app/_server/page-user';
import { listAudit } from '@/lib/audit/log';
import { AuditTable } from '@/components/audit/audit-table';

export const metadata = { title: 'Audit log' };

export default async function AuditPage() {
  await requirePageUser('audit.read');
  const entries = await listAudit({ limit: 100 });
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Audit log</h1>
      <AuditTable initial={entries} />
    </div>
  );
}
