'use client';

import { useState, type FormEvent } from 'react';
import { roleAtMost } from '@/lib/auth/roles';
import { useTokens } from '@/components/data/hooks';
import { keys } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import { fieldError } from '@/components/data/problem';
import type { ApiTokenView } from '@/components/data/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ChangeDialog } from '@/components/ui/change-dialog';
import { SelectField, TextField } from '@/components/ui/inputs';
import { When } from '@/components/ui/when';
import { ROLE_CHOICES } from '@/components/users/roles';

// API tokens for scripts and Prometheus: a name, a role no higher than one's own, an optional last day. The
// secret is shown once, right after creating; the list shows what each token is, its state and when it was last
// used, and revokes it. The server checks every rule again and audits both changes.

/** The last moment of a chosen day, in the reader's time zone, as the API wants it. */
function endOfDay(day: string): string | null {
  if (!day) return null;
  const at = new Date(`${day}T23:59:59`);
  return Number.isNaN(at.getTime()) ? 'invalid' : at.toISOString();
}

function NewToken({ ownRole, onSecret }: { ownRole: string; onSecret: (s: { name: string; secret: string }) => void }) {
  const create = useMutation();
  const choices = ROLE_CHOICES.filter((r) => roleAtMost(r.value, ownRole));
  const [name, setName] = useState('');
  // The least power first: ROLE_CHOICES goes from viewer up.
  const [role, setRole] = useState<string>(choices[0]?.value ?? 'viewer');
  const [expires, setExpires] = useState('');
  const fields = create.problem?.fields ?? {};
  const beside = Object.keys(fields).some((k) => ['name', 'role', 'expiresAt'].includes(k));

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const r = await create.send<{ token: ApiTokenView; secret: string }>(keys.tokens, {
      method: 'POST',
      body: { name, role, expiresAt: endOfDay(expires) },
      touches: [keys.tokens],
    });
    if (!r.ok) return;
    onSecret({ name: r.data.token.name, secret: r.data.secret });
    setName('');
    setExpires('');
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-3 md:grid-cols-4 md:items-start" data-testid="token-form">
      {create.problem && !beside ? (
        <div className="md:col-span-4">
          <Alert>{create.problem.message}</Alert>
        </div>
      ) : null}
      <TextField label="Name" value={name} onChange={setName} maxLength={64} placeholder="prometheus" error={fieldError(fields, 'name')} testId="token-name" />
      <SelectField label="Role" value={role} onChange={setRole} error={fieldError(fields, 'role')} testId="token-role" hint="At most your own.">
        {choices.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Expires"
        type="date"
        value={expires}
        onChange={setExpires}
        hint="Empty: until revoked."
        error={fieldError(fields, 'expiresAt')}
        testId="token-expires"
      />
      <div className="md:pt-6">
        <Button type="submit" variant="primary" disabled={create.busy} data-testid="token-create">
          {create.busy ? 'Creating…' : 'Create token'}
        </Button>
      </div>
    </form>
  );
}

function SecretOnce({ made, onDone }: { made: { name: string; secret: string }; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <Alert tone="info" testId="token-secret">
      <p className="mb-1">
        The secret of <span className="font-medium">{made.name}</span>. Copy it now: it is not shown again (Vireo keeps only its hash).
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <code className="min-w-0 break-all rounded bg-white px-2 py-1 font-mono text-xs" data-testid="token-secret-value">
          {made.secret}
        </code>
        <Button
          className="px-2 py-1 text-xs"
          onClick={() =>
            void navigator.clipboard?.writeText(made.secret).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? 'Copied' : 'Copy'}
        </Button>
        <Button className="px-2 py-1 text-xs" onClick={onDone}>
          Done
        </Button>
      </div>
    </Alert>
  );
}

function RevokeDialog({ token, onClose }: { token: ApiTokenView; onClose: () => void }) {
  const revoke = useMutation();
  async function submit() {
    const r = await revoke.send(`/api/tokens/${encodeURIComponent(token.id)}`, { method: 'DELETE', touches: [keys.tokens] });
    if (r.ok) onClose();
  }
  return (
    <ChangeDialog
      open
      title={`Revoke "${token.name}"?`}
      submitLabel="Revoke"
      danger
      busy={revoke.busy}
      problem={revoke.problem}
      onClose={onClose}
      onSubmit={submit}
      testId="token-revoke-dialog"
    >
      <p>Anything using this token (a script, a Prometheus server) is refused from now on. This cannot be undone; create a new token instead.</p>
    </ChangeDialog>
  );
}

const STATE_TONE: Record<string, string> = { active: 'text-emerald-700', expired: 'text-amber-700', revoked: 'text-slate-500' };

function TokenRow({ t, onRevoke }: { t: ApiTokenView; onRevoke: () => void }) {
  return (
    <li className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2 text-sm" data-testid={`token-${t.name}`} data-state={t.state}>
      <span className="font-medium">{t.name}</span>
      <span className="font-mono text-xs text-slate-600">{t.prefix}…</span>
      <span>{t.role}</span>
      <span className={STATE_TONE[t.state]}>{t.state}</span>
      <span className="text-xs text-slate-600">
        created <When at={t.createdAt} />, expires <When at={t.expiresAt} empty="never" />, last used <When at={t.lastUsedAt} empty="never" />
      </span>
      {t.state === 'active' ? (
        <Button variant="danger" className="ml-auto px-2 py-1 text-xs" onClick={onRevoke} data-testid={`token-revoke-${t.name}`}>
          Revoke…
        </Button>
      ) : null}
    </li>
  );
}

export function ApiTokens({ ownRole }: { ownRole: string }) {
  const { data, error } = useTokens();
  const [made, setMade] = useState<{ name: string; secret: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiTokenView | null>(null);
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="api-tokens">
      <h2 className="font-semibold">API tokens</h2>
      <p className="text-sm text-slate-600">
        For scripts and for Prometheus (scrape <code className="font-mono text-xs">/metrics</code> with{' '}
        <code className="font-mono text-xs">Authorization: Bearer</code> and the secret). A token acts as you, with the role you give it.
      </p>
      <NewToken ownRole={ownRole} onSecret={setMade} />
      {made ? <SecretOnce made={made} onDone={() => setMade(null)} /> : null}
      {error ? <Alert>{error.message}</Alert> : null}
      <ul className="divide-y divide-slate-200" data-testid="token-list">
        {data?.tokens.map((t) => (
          <TokenRow key={t.id} t={t} onRevoke={() => setRevoking(t)} />
        ))}
        {data && !data.tokens.length ? <li className="py-2 text-sm text-slate-500">You have no API tokens.</li> : null}
      </ul>
      {revoking ? <RevokeDialog token={revoking} onClose={() => setRevoking(null)} /> : null}
    </section>
  );
}
