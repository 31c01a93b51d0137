import { readFile } from 'node:fs/promises';
import { createHost } from '../../lib/hosts/store';

// Registers hosts in a Vireo data directory's database through the hosts service, as the Hosts page would, before
// the server starts (it reads its hosts once, at start). Run by the fleet bench with VIREO_DATA_DIR set:
//   tsx --import ./server/server-only-hook.mjs bench/support/register-hosts.ts <hosts.json>
// where hosts.json is [{ id, name, uri }]. The service checks what the API's schema leaves to it (URI parameters);
// the API's own URI pattern, which admits only qemu URIs, is not consulted: the bench's hosts are test-driver hosts.

const file = process.argv[2];
if (!file) throw new Error('usage: register-hosts.ts <hosts.json>');
const hosts = JSON.parse(await readFile(file, 'utf8')) as { id: string; name: string; uri: string }[];
for (const h of hosts) await createHost(h);
process.exit(0);
