import { ensureTestLibvirtd } from './test-libvirtd';
import { preparePostgresTier } from './test-postgres';

// The integration-pg tier's global setup: the suite's libvirtd and its PostgreSQL cluster are up.
export default async function setup(): Promise<void> {
  await ensureTestLibvirtd();
  await preparePostgresTier();
}
