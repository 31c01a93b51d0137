import { z } from 'zod';
import { normalizeTag, tagProblem } from '@/lib/tags/rules';
import {
  ALERT_METRICS,
  ALERT_SCOPES,
  ALERT_SEVERITIES,
  ALERT_VM_STATES,
  hasThreshold,
  isStateMetric,
  MAX_FOR_SECONDS,
  MAX_RULE_NAME,
  NUMBER_COMPARISONS,
  RECEIVER_KINDS,
  STATE_COMPARISONS,
} from './model';

// The bodies the alert routes accept, with a plain message per field. Cross-field rules (a state rule compares
// states, a VM scope names a VM) are checked here too, so a refused rule changes nothing.

/** The `{id}` of a rule, receiver or silence route. */
export const alertIdParams = z.object({ id: z.uuid() });

const name = (what: string, max: number) =>
  z
    .string({ error: `The ${what} needs a name.` })
    .trim()
    .min(1, `The ${what} needs a name.`)
    .max(max, `The ${what}'s name is at most ${max} characters.`)
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), `The ${what}'s name may not contain control characters.`);

export const ruleBody = z
  .object({
    name: name('rule', MAX_RULE_NAME),
    metric: z.enum(ALERT_METRICS, { error: 'Choose what the rule watches.' }),
    comparison: z.enum([...NUMBER_COMPARISONS, ...STATE_COMPARISONS], { error: 'Choose a comparison.' }).optional(),
    threshold: z.number({ error: 'The threshold must be a number.' }).finite('The threshold must be a number.').optional(),
    stateValue: z.string().nullable().optional(),
    forSeconds: z
      .number({ error: '"For" must be a number of seconds.' })
      .int('"For" must be a whole number of seconds.')
      .min(0, '"For" cannot be negative.')
      .max(MAX_FOR_SECONDS, `"For" is at most ${MAX_FOR_SECONDS} seconds (a day).`)
      .default(0),
    scopeKind: z.enum(ALERT_SCOPES, { error: 'Choose which VMs or hosts the rule applies to.' }).default('all'),
    scopeValue: z.string().trim().max(200, 'The scope is at most 200 characters.').nullable().optional(),
    severity: z.enum(ALERT_SEVERITIES, { error: `Severity is one of ${ALERT_SEVERITIES.join(', ')}.` }).default('warning'),
    description: z.string().max(1000, 'The description is at most 1000 characters.').default(''),
    receivers: z.array(z.string().max(100)).max(20, 'At most 20 receivers per rule.').default([]),
    enabled: z.boolean().default(true),
  })
  .superRefine((r, ctx) => {
    const add = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (isStateMetric(r.metric)) {
      if (!r.comparison || !(STATE_COMPARISONS as readonly string[]).includes(r.comparison)) add('comparison', 'A state rule compares with "is" or "is not".');
      if (!r.stateValue || !(ALERT_VM_STATES as readonly string[]).includes(r.stateValue)) add('stateValue', `Choose a state: ${ALERT_VM_STATES.join(', ')}.`);
    } else if (hasThreshold(r.metric)) {
      if (!r.comparison || !(NUMBER_COMPARISONS as readonly string[]).includes(r.comparison))
        add('comparison', 'Choose above, at or above, below or at or below.');
      if (r.threshold === undefined) add('threshold', 'Give a threshold.');
      else if (r.threshold < 0) add('threshold', 'The threshold cannot be negative.');
      else if ((r.metric === 'vm.cpu' || r.metric === 'vm.memory') && r.threshold > 100) add('threshold', 'A percentage is at most 100.');
    }
    if (r.scopeKind !== 'all' && !r.scopeValue)
      add('scopeValue', r.scopeKind === 'vm' ? 'Name the VM.' : r.scopeKind === 'tag' ? 'Name the tag.' : 'Name the host.');
    if (r.scopeKind === 'tag' && r.scopeValue) {
      const problem = tagProblem(normalizeTag(r.scopeValue));
      if (problem) add('scopeValue', problem);
    }
    if (r.metric === 'host.down' && (r.scopeKind === 'vm' || r.scopeKind === 'tag'))
      add('scopeKind', 'A host-down rule applies to every host or one host, not to VMs.');
  })
  .transform((r) => ({
    ...r,
    comparison: r.comparison ?? '>',
    threshold: hasThreshold(r.metric) ? (r.threshold ?? 0) : 0,
    stateValue: isStateMetric(r.metric) ? (r.stateValue ?? null) : null,
    scopeValue: r.scopeKind === 'all' ? null : r.scopeKind === 'tag' && r.scopeValue ? normalizeTag(r.scopeValue) : (r.scopeValue ?? null),
    receivers: [...new Set(r.receivers)],
  }));

export type RuleInput = z.output<typeof ruleBody>;

export const receiverBody = z
  .object({
    name: name('receiver', 100),
    kind: z.enum(RECEIVER_KINDS, { error: 'A receiver is a webhook or email.' }),
    url: z.string().trim().max(2000, 'The address is at most 2000 characters.').optional(),
    /** Absent or empty on an edit: keep the stored one. On creation: made up and shown once. */
    secret: z.string().max(200, 'The secret is at most 200 characters.').optional(),
    emails: z.string().max(2000, 'At most 2000 characters of addresses.').optional(),
  })
  .superRefine((r, ctx) => {
    const add = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (r.kind === 'webhook' && !r.url) add('url', 'Give the webhook address.');
    if (r.kind === 'webhook' && r.secret && r.secret.length < 16)
      add('secret', 'A signing secret has at least 16 characters (or leave it empty to have one made).');
    if (r.kind === 'email') {
      const list = emailList(r.emails ?? '');
      if (!list.length) add('emails', 'Give at least one email address.');
      const bad = list.find((e) => !z.email().safeParse(e).success);
      if (bad) add('emails', `"${bad}" is not an email address.`);
    }
  });

export type ReceiverInput = z.output<typeof receiverBody>;

export function emailList(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((e) => e.trim())
    .filter(Boolean);
}

export const silenceBody = z
  .object({
    ruleId: z.string().max(100).nullable().optional(),
    vm: z.string().trim().max(200).nullable().optional(),
    hostId: z.string().trim().max(100).nullable().optional(),
    comment: z.string().max(500, 'The comment is at most 500 characters.').default(''),
    endsAt: z.iso.datetime({ offset: true, error: 'The end must be a date and time.' }),
  })
  .superRefine((s, ctx) => {
    if (!s.ruleId && !s.vm && !s.hostId)
      ctx.addIssue({ code: 'custom', path: ['ruleId'], message: 'A silence matches a rule, a VM or a host: choose at least one.' });
  });

export type SilenceInput = z.output<typeof silenceBody>;
