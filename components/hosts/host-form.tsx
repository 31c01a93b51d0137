'use client';

import { useState, type FormEvent } from 'react';
import { keys } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import { fieldError } from '@/components/data/problem';
import type { HostView } from '@/components/data/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CheckboxField, RadioGroup, TextAreaField, TextField } from '@/components/ui/inputs';

// Adding or editing a host: its URI decides which credentials are asked for (an SSH key pair, generated or
// uploaded; TLS certificates). Secrets go one way only: an edit shows whether a key is there, never the key.

type KeySource = 'keep' | 'generate' | 'upload';

const transportOf = (uri: string) => /^qemu\+(ssh|tls|tcp|unix):/.exec(uri)?.[1] ?? (/^qemu:\/\/[^/]/.test(uri) ? 'tls' : 'unix');

export function HostForm({ editing, onDone }: { editing?: HostView; onDone: (host: HostView, message: string) => void }) {
  const save = useMutation();
  const [uri, setUri] = useState(editing?.uri ?? '');
  const [keySource, setKeySource] = useState<KeySource>(editing?.ssh?.publicKey ? 'keep' : 'generate');
  const [forget, setForget] = useState(false);
  const errors = save.problem?.fields;
  const transport = transportOf(uri.trim());

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (name: string) => {
      const v = form.get(name);
      return typeof v === 'string' && v.trim() ? v.trim() : undefined;
    };
    const ssh =
      transport !== 'ssh' || keySource === 'keep'
        ? undefined
        : keySource === 'generate'
          ? { source: 'generate' }
          : { source: 'upload', privateKey: text('privateKey'), passphrase: text('passphrase') };
    const tls = transport === 'tls' ? { ca: text('ca'), cert: text('cert'), key: text('key') } : undefined;
    const body = editing
      ? {
          name: text('name'),
          uri: uri.trim() === editing.uri || editing.local ? undefined : uri.trim(),
          ssh,
          tls,
          hostKey: text('hostKey'),
          forgetHostKey: forget || undefined,
        }
      : { id: text('id'), name: text('name'), uri: uri.trim(), ssh, tls, hostKey: text('hostKey') };
    const url = editing ? keys.host(editing.id) : keys.hosts;
    const r = await save.send<HostView>(url, { method: editing ? 'PATCH' : 'POST', body, touches: [keys.hosts] });
    if (r.ok) onDone(r.data, editing ? `Saved ${r.data.name}.` : `Added ${r.data.name}.`);
  }

  return (
    <form onSubmit={submit} className="max-w-2xl space-y-3" noValidate data-testid="host-form">
      {save.problem && !errors ? <Alert>{save.problem.message}</Alert> : null}
      <TextField label="Name" name="name" required maxLength={100} defaultValue={editing?.name} error={fieldError(errors, 'name')} testId="host-name" />
      {editing ? null : (
        <TextField
          label="Id (in addresses)"
          name="id"
          maxLength={40}
          hint="Lower-case letters, digits and dashes; made from the name when left empty."
          error={fieldError(errors, 'id')}
          testId="host-id"
        />
      )}
      <TextField
        label="libvirt URI"
        name="uri"
        value={uri}
        onChange={setUri}
        disabled={editing?.local}
        hint={
          editing?.local
            ? 'The local host follows LIBVIRT_URI.'
            : 'qemu+ssh://root@host[:port]/system, qemu+tls://host[:port]/system or qemu+tcp://host/system (labs).'
        }
        error={fieldError(errors, 'uri')}
        testId="host-uri"
      />
      {transport === 'ssh' ? (
        <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium">SSH</legend>
          <RadioGroup<KeySource>
            legend="Key pair"
            name="keySource"
            value={keySource}
            onChange={setKeySource}
            options={[
              ...(editing?.ssh?.publicKey ? [{ value: 'keep' as const, label: 'Keep the current key' }] : []),
              { value: 'generate', label: 'Let Vireo generate one (you copy the public key to the host)' },
              { value: 'upload', label: 'Upload a private key' },
            ]}
          />
          {fieldError(errors, 'ssh') ? <Alert>{fieldError(errors, 'ssh')}</Alert> : null}
          {keySource === 'upload' ? (
            <>
              <TextAreaField label="Private key" name="privateKey" rows={5} mono error={fieldError(errors, 'ssh.privateKey')} testId="host-private-key" />
              <TextField label="Passphrase (if the key has one)" name="passphrase" type="password" autoComplete="off" />
            </>
          ) : null}
          <TextField
            label="Host key fingerprint (optional)"
            name="hostKey"
            hint="SHA256:… as ssh-keygen -lf prints it. Empty: the key the host presents at first contact is trusted and pinned."
            error={fieldError(errors, 'hostKey')}
          />
          {editing?.ssh?.hostKey ? <CheckboxField label="Forget the pinned host key (the host was reinstalled)" checked={forget} onChange={setForget} /> : null}
        </fieldset>
      ) : null}
      {transport === 'tls' ? (
        <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium">TLS {editing ? '(empty fields keep what is stored)' : ''}</legend>
          <TextAreaField label="CA certificate (cacert.pem)" name="ca" rows={4} mono error={fieldError(errors, 'tls.ca')} testId="host-tls-ca" />
          <TextAreaField label="Client certificate (clientcert.pem)" name="cert" rows={4} mono error={fieldError(errors, 'tls.cert')} testId="host-tls-cert" />
          <TextAreaField label="Client key (clientkey.pem)" name="key" rows={4} mono error={fieldError(errors, 'tls.key')} testId="host-tls-key" />
        </fieldset>
      ) : null}
      <Button type="submit" variant="primary" disabled={save.busy} data-testid="host-save">
        {editing ? 'Save' : 'Add host'}
      </Button>
    </form>
  );
}
