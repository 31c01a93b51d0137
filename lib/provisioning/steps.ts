// The wizard's steps and which fields of the spec each one holds: the wizard marks the step of a refused field,
// and the step check (check.ts) judges a step by its own fields and those before it. Pure: the browser imports it.

export const WIZARD_STEPS = [
  { id: 'source', label: 'Source', fields: ['name', 'title', 'tags', 'source'] },
  { id: 'os', label: 'Operating system', fields: ['os'] },
  { id: 'resources', label: 'CPU and memory', fields: ['resources'] },
  { id: 'storage', label: 'Storage', fields: ['storage'] },
  { id: 'network', label: 'Network', fields: ['network'] },
  { id: 'cloud-init', label: 'cloud-init', fields: ['cloudInit'] },
  { id: 'host', label: 'Host', fields: ['host'] },
  { id: 'review', label: 'Review', fields: ['xml', 'identity', 'start', '_'] },
] as const;

export type StepId = (typeof WIZARD_STEPS)[number]['id'];

export const STEP_IDS = WIZARD_STEPS.map((s) => s.id) as [StepId, ...StepId[]];

/** The step whose form holds a field path like "resources.vcpus" (anything unknown belongs to the review). */
export function stepOfField(path: string): StepId {
  const head = path.split('.')[0] ?? '';
  return WIZARD_STEPS.find((s) => (s.fields as readonly string[]).includes(head))?.id ?? 'review';
}

export function stepIndex(id: StepId): number {
  return WIZARD_STEPS.findIndex((s) => s.id === id);
}

/** Whether a field belongs to `step` or a step before it. */
export function fieldUpTo(path: string, step: StepId): boolean {
  return stepIndex(stepOfField(path)) <= stepIndex(step);
}
