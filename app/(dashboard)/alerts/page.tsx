import { requirePageUser } from '@/app/_server/page-user';
import { listAlerts } from '@/lib/alerts/instances';
import { listDeliveries } from '@/lib/alerts/notifier';
import { receiversFor } from '@/lib/alerts/receivers';
import { listRules } from '@/lib/alerts/rules';
import { listSilences } from '@/lib/alerts/silences';
import { can } from '@/lib/auth/roles';
import { AlertsPanel } from '@/components/alerts/alerts-panel';

export const metadata = { title: 'Alerts' };

export default async function AlertsPage() {
  const me = await requirePageUser('alerts.read');
  const edit = can(me.role, 'alerts.edit');
  const [alerts, rules, receivers, silences, deliveries] = await Promise.all([
    listAlerts(),
    listRules(),
    receiversFor(me.role),
    listSilences(),
    listDeliveries(),
  ]);
  const initial = {
    alerts: { alerts },
    rules: { rules },
    receivers: { receivers },
    silences: { silences },
    deliveries: { deliveries },
  };
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Alerts</h1>
      <AlertsPanel initial={initial} can={{ edit, silence: can(me.role, 'alerts.silence') }} />
    </div>
  );
}
