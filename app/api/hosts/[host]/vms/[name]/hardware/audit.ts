import type { z } from 'zod';
import { vmInPath } from '@/lib/http/audit';
import type { AuditSpec, Schema } from '@/lib/http/route';

// Every hardware change is recorded with what was asked and, when it went through, which halves took effect.

type Outcome = { outcome?: { summary?: string; live?: unknown; persistent?: unknown } };
type Params = z.ZodType<{ name: string }>;
type Request = { params: Record<string, string>; query: Record<string, unknown> };

export function hardwareAudit(action: string, extra?: (i: Request) => Record<string, unknown>): AuditSpec<Params, Schema, Schema, Outcome> {
  return {
    action,
    ...vmInPath,
    detail: (i, result) => {
      const o = result?.outcome;
      const asked = { ...i.body, ...extra?.(i) };
      return o ? { ...asked, live: o.live, persistent: o.persistent, summary: o.summary } : asked;
    },
  };
}
