import { authorize } from '@/lib/http/guard';
import { libvirt } from '@/lib/connection/libvirt';
import { stepsFor } from '@/lib/provisioning/create';
import { answerPlan, readSpec } from '@/lib/provisioning/http';
import { planVm } from '@/lib/provisioning/plan';

/** The review step: the full domain XML and what the job will do, without creating anything. */
export async function POST(req: Request) {
  const actor = await authorize(req, 'vm.create');
  if (actor instanceof Response) return actor;
  const spec = await readSpec(req);
  if (spec instanceof Response) return spec;
  return answerPlan(async () => {
    const plan = await planVm(await libvirt(), { ...spec, xml: undefined });
    return {
      xml: plan.generatedXml,
      identity: plan.spec.identity,
      domainType: plan.domainType,
      warnings: plan.warnings,
      steps: stepsFor(plan),
      seed: plan.seed ? { pool: plan.seed.pool, name: plan.seed.name, files: plan.seed.files } : null,
      newDisk: plan.newDisk,
    };
  });
}
