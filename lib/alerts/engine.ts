import 'server-only';
import type { AlertInstance } from '@prisma/client';
import { recordAudit } from '@/lib/audit/log';
import { db } from '@/lib/db/client';
import { log } from '@/lib/log';
import { fingerprintOf, ZERO_TIME, type NotifiedAlert } from './alertmanager';
import { conditionWords, METRIC_UNITS, type AlertRuleView } from './model';
import type { Notifier } from './notifier';
import { receiverTargets } from './receivers';
import { enabledRules } from './rules';
import { silencedBy, type SilenceMatcher } from './silence-match';
import { activeSilences } from './silences';
import { step, type Track } from './state-machine';
import { HOST_SUBJECT, verdictsOf, type SampleRound, type SubjectVerdict, type VerdictContext } from './verdicts';

// The alerts of one host, evaluated on every round its metrics collector reports. The database is the state:
// pending and firing alerts are read each round (so rule edits, deletions and a restart need no cache to go
// stale), transitions are written, firing and resolved ones are audited and sent to the rule's receivers unless a
// silence matches them. Rounds are evaluated one at a time, in order.

export interface EngineOptions {
  hostId: string;
  hostName: string;
  notifier: Notifier;
  generatorURL: () => string;
  /** Every VM's tags now (lib/tags), asked once per round that has a rule scoped to a tag. */
  tags?: () => Promise<NonNullable<VerdictContext['tagsOf']>>;
}

/** Resolved alerts kept for the page and the API, then pruned. */
const KEEP_RESOLVED_MS = 7 * 86_400_000;
const PRUNE_EVERY_MS = 3_600_000;
/** Who the audit log says acted when an alert fires or resolves. */
export const ALERTS_ACTOR = { id: null, username: 'alerts' } as const;

interface Change {
  rule: AlertRuleView;
  row: AlertInstance;
  status: 'firing' | 'resolved';
  note?: string;
}

export class AlertEngine {
  private queue: Promise<void> = Promise.resolve();
  private lastPrune = 0;

  constructor(private readonly opts: EngineOptions) {}

  /** Queues a round; returns when it (and every round before it) has been evaluated. Never rejects. */
  evaluate(round: SampleRound): Promise<void> {
    this.queue = this.queue.then(() => this.round(round)).catch((err: unknown) => log().warn({ err }, `alert evaluation on host ${this.opts.hostId} failed`));
    return this.queue;
  }

  private async round(round: SampleRound): Promise<void> {
    const [rules, active] = await Promise.all([
      enabledRules(),
      db().alertInstance.findMany({ where: { hostId: this.opts.hostId, state: { in: ['pending', 'firing'] } } }),
    ]);
    const changes: Change[] = [];
    const tagsOf = rules.some((r) => r.scopeKind === 'tag') ? await this.tagLookup() : undefined;
    const ctx = { hostId: this.opts.hostId, hostName: this.opts.hostName, tagsOf: tagsOf ?? undefined };
    for (const rule of rules) {
      // Tags that could not be read say nothing about which VMs a tag rule covers: its alerts keep their state.
      if (rule.scopeKind === 'tag' && tagsOf === null) continue;
      const mine = new Map(active.filter((a) => a.ruleId === rule.id).map((a) => [a.subjectKey, a]));
      const verdicts = verdictsOf(rule, round, ctx);
      const seen = new Set(verdicts.map((v) => v.key));
      // A tracked subject this round did not mention (VM deleted, moved out of scope) no longer meets the rule; after
      // a failed round nothing is known about VMs, so theirs wait.
      for (const [key, row] of mine) {
        if (!seen.has(key)) verdicts.push({ key, name: row.subjectName, verdict: round.ok || rule.metric === 'host.down' ? false : null, value: null });
      }
      for (const v of verdicts) await this.apply(rule, v, mine.get(v.key) ?? null, round.at, changes);
    }
    await this.retireOrphans(active, new Set(rules.map((r) => r.id)));
    await this.announce(changes, round.at);
    if (round.at - this.lastPrune > PRUNE_EVERY_MS) {
      this.lastPrune = round.at;
      await db().alertInstance.deleteMany({ where: { state: 'resolved', resolvedAt: { lt: new Date(round.at - KEEP_RESOLVED_MS) } } });
    }
  }

  /** The tags of this round's VMs; null when they cannot be read (libvirtd unreachable). */
  private async tagLookup(): Promise<VerdictContext['tagsOf'] | null> {
    if (!this.opts.tags) return undefined;
    try {
      return await this.opts.tags();
    } catch (err) {
      log().warn({ err }, `tags on host ${this.opts.hostId} could not be read for the alert rules scoped to a tag`);
      return null;
    }
  }

  private async apply(rule: AlertRuleView, v: SubjectVerdict, row: AlertInstance | null, at: number, changes: Change[]): Promise<void> {
    const track: Track | null = row ? { state: row.state as Track['state'], activeAt: row.activeAt.getTime(), firedAt: row.firedAt?.getTime() ?? null } : null;
    const { next, transition } = step(track, v.verdict, at, rule.forSeconds * 1000);
    const value = v.value ?? row?.value ?? null;
    switch (transition) {
      case 'pending':
      case 'firing': {
        const data = {
          state: next!.state,
          value,
          activeAt: new Date(next!.activeAt),
          firedAt: next!.firedAt ? new Date(next!.firedAt) : null,
          subjectName: v.name,
        };
        const saved = row
          ? await db().alertInstance.update({ where: { id: row.id }, data })
          : await db().alertInstance.create({
              data: {
                ...data,
                ruleId: rule.id,
                ruleName: rule.name,
                hostId: this.opts.hostId,
                subjectKey: v.key,
                fingerprint: fingerprintOf(this.labels(rule, v.key, v.name)),
              },
            });
        if (transition === 'firing') changes.push({ rule, row: saved, status: 'firing', note: v.note });
        return;
      }
      case 'resolved':
        changes.push({
          rule,
          row: await db().alertInstance.update({ where: { id: row!.id }, data: { state: 'resolved', resolvedAt: new Date(at) } }),
          status: 'resolved',
        });
        return;
      case 'cleared':
        await db().alertInstance.delete({ where: { id: row!.id } });
        return;
      default:
    }
  }

  /** Alerts of rules deleted or disabled meanwhile end quietly: nobody asked to hear about them any more. */
  private async retireOrphans(active: readonly AlertInstance[], ruleIds: ReadonlySet<string>): Promise<void> {
    const orphans = active.filter((a) => !ruleIds.has(a.ruleId));
    if (!orphans.length) return;
    await db().alertInstance.deleteMany({ where: { id: { in: orphans.filter((a) => a.state === 'pending').map((a) => a.id) } } });
    await db().alertInstance.updateMany({
      where: { id: { in: orphans.filter((a) => a.state === 'firing').map((a) => a.id) } },
      data: { state: 'resolved', resolvedAt: new Date() },
    });
  }

  labels(rule: AlertRuleView, key: string, name: string): Record<string, string> {
    const labels: Record<string, string> = {
      alertname: rule.name,
      severity: rule.severity,
      metric: rule.metric,
      host: this.opts.hostName,
      host_id: this.opts.hostId,
    };
    if (key !== HOST_SUBJECT) Object.assign(labels, { vm: name, vm_uuid: key });
    return labels;
  }

  private async announce(changes: readonly Change[], at: number): Promise<void> {
    if (!changes.length) return;
    const silences = await activeSilences(new Date(at));
    const byRule = new Map<string, Change[]>();
    for (const c of changes) byRule.set(c.rule.id, [...(byRule.get(c.rule.id) ?? []), c]);
    for (const list of byRule.values()) {
      const rule = list[0]!.rule;
      const loud: NotifiedAlert[] = [];
      for (const c of list) {
        const silenced = this.silenced(silences, c, at);
        await recordAudit({
          actor: ALERTS_ACTOR,
          action: `alert.${c.status}`,
          objectType: 'alert',
          objectName: `${rule.name} · ${c.row.subjectName}`,
          outcome: 'ok',
          detail: {
            rule: rule.name,
            condition: conditionWords(rule),
            host: this.opts.hostId,
            value: c.row.value,
            ...(silenced ? { silenced: true } : {}),
            ...(c.note ? { note: c.note } : {}),
          },
          host: this.opts.hostId,
        });
        if (!silenced) loud.push(this.notified(c));
      }
      if (!loud.length) continue;
      const receivers = await receiverTargets(rule.receivers);
      for (const status of ['firing', 'resolved'] as const) {
        this.opts.notifier.notify(
          receivers,
          loud.filter((a) => a.status === status),
          status,
        );
      }
    }
  }

  private silenced(silences: readonly SilenceMatcher[], c: Change, at: number): boolean {
    const vm = c.row.subjectKey !== HOST_SUBJECT;
    return silencedBy(
      silences,
      { ruleId: c.rule.id, hostId: this.opts.hostId, vmName: vm ? c.row.subjectName : null, vmUuid: vm ? c.row.subjectKey : null },
      at,
    );
  }

  private notified(c: Change): NotifiedAlert {
    const { rule, row } = c;
    const unit = METRIC_UNITS[rule.metric];
    const value = row.value !== null && unit ? `${Math.round(row.value * 100) / 100} ${unit}` : null;
    return {
      status: c.status,
      labels: this.labels(rule, row.subjectKey, row.subjectName),
      annotations: {
        summary: `${rule.name}: ${row.subjectName} — ${conditionWords(rule)}`,
        ...(rule.description ? { description: rule.description } : {}),
        ...(value ? { value } : {}),
        ...(c.note ? { detail: c.note } : {}),
      },
      startsAt: (row.firedAt ?? row.activeAt).toISOString(),
      endsAt: c.status === 'resolved' && row.resolvedAt ? row.resolvedAt.toISOString() : ZERO_TIME,
      generatorURL: this.opts.generatorURL(),
      fingerprint: row.fingerprint,
    };
  }
}
