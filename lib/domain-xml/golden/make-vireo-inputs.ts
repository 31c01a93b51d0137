import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildDomainXml } from '../new-domain';
import { WIZARD_PLANS } from './plans';

// Writes golden/vireo-<case>-in.xml: what the wizard defines for each plan (run by make-inputs.sh).

const dir = process.argv[2] ?? path.dirname(new URL(import.meta.url).pathname);
for (const [name, plan] of Object.entries(WIZARD_PLANS)) writeFileSync(path.join(dir, `vireo-${name}-in.xml`), buildDomainXml(plan));
