'use client';

import { useState } from 'react';
import { keys } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import { fieldError } from '@/components/data/problem';
import type { ReceiverView } from '@/components/data/types';
import { Alert } from '@/components/ui/alert';
import { ChangeDialog } from '@/components/ui/change-dialog';
import { SelectField, TextField } from '@/components/ui/inputs';
import { RequestDialog, type DialogRequest } from '@/components/ui/request-dialog';

// Creating or changing a receiver. A webhook's signing secret is never shown again once saved: left empty on
// creation one is made and shown once, here; left empty on an edit the stored one is kept.

export function ReceiverDialog({ receiver, onClose, onDone }: { receiver: ReceiverView | null; onClose: () => void; onDone: (m: string) => void }) {
  const save = useMutation();
  const [name, setName] = useState(receiver?.name ?? '');
  const [kind, setKind] = useState<string>(receiver?.kind ?? 'webhook');
  const [url, setUrl] = useState(receiver?.url ?? '');
  const [secret, setSecret] = useState('');
  const [emails, setEmails] = useState(receiver?.emails.join(', ') ?? '');
  const [madeSecret, setMadeSecret] = useState<string | null>(null);
  const errors = save.problem?.fields;

  function request(): DialogRequest {
    const body = kind === 'webhook' ? { name, kind, url, ...(secret ? { secret } : {}) } : { name, kind, emails };
    const touches = [keys.alertReceivers, keys.alertRules];
    return receiver ? { url: keys.alertReceiver(receiver.id), method: 'PUT', body, touches } : { url: keys.alertReceivers, body, touches };
  }

  // A new webhook's made secret is shown once before the dialog closes.
  function sent(answer: { secret?: string | null }) {
    if (!receiver && answer.secret) setMadeSecret(answer.secret);
    else onDone(receiver ? `Saved the receiver ${name}.` : `Created the receiver ${name}.`);
  }

  if (madeSecret)
    return (
      <ChangeDialog open title={`Receiver ${name} created`} onClose={() => onDone(`Created the receiver ${name}.`)} testId="receiver-secret">
        <Alert tone="info">
          Notifications to {name} are signed with this secret (HMAC-SHA256 of the body, header X-Vireo-Signature-256). Copy it now: it is not shown again.
        </Alert>
        <code className="block break-all rounded bg-slate-100 p-2 font-mono text-sm" data-testid="receiver-secret-value">
          {madeSecret}
        </code>
      </ChangeDialog>
    );

  return (
    <RequestDialog
      mutation={save}
      title={receiver ? `Change the receiver ${receiver.name}` : 'New receiver'}
      onClose={onClose}
      request={request}
      onSent={sent}
      submitLabel={receiver ? 'Save receiver' : 'Create receiver'}
      testId="receiver-dialog"
    >
      <TextField label="Name" value={name} onChange={setName} error={fieldError(errors, 'name')} testId="receiver-name" />
      <SelectField label="Kind" value={kind} onChange={setKind} disabled={Boolean(receiver)} error={fieldError(errors, 'kind')} testId="receiver-kind">
        <option value="webhook">Webhook (Alertmanager JSON)</option>
        <option value="email">Email</option>
      </SelectField>
      {kind === 'webhook' ? (
        <>
          <TextField
            label="Address"
            hint="http(s). Internal addresses (loopback, private networks) are refused unless VIREO_ALERT_WEBHOOK_ALLOW lets them through."
            value={url}
            onChange={setUrl}
            error={fieldError(errors, 'url')}
            testId="receiver-url"
          />
          <TextField
            label="Signing secret"
            type="password"
            autoComplete="off"
            hint={receiver ? 'Leave empty to keep the stored secret.' : 'At least 16 characters; leave empty to have one made and shown once.'}
            value={secret}
            onChange={setSecret}
            error={fieldError(errors, 'secret')}
          />
        </>
      ) : (
        <TextField
          label="Email addresses"
          hint="Separated by commas. Sent through the SMTP server of VIREO_SMTP_URL."
          value={emails}
          onChange={setEmails}
          error={fieldError(errors, 'emails')}
          testId="receiver-emails"
        />
      )}
    </RequestDialog>
  );
}
