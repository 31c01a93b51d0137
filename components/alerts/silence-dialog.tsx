'use client';

import { useState } from 'react';
import { keys } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import { fieldError } from '@/components/data/problem';
import type { AlertRuleView, SilenceView } from '@/components/data/types';
import { SelectField, TextField } from '@/components/ui/inputs';
import { RequestDialog, type DialogRequest } from '@/components/ui/request-dialog';

// A silence: which alerts (a rule, a VM, a host: every one given must match) and until when. They keep changing
// state on the page; they just notify nobody until it ends.

const HOURS = [1, 2, 4, 8, 24, 72, 168];

export interface SilencePreset {
  ruleId?: string;
  vm?: string;
  hostId?: string;
}

export function SilenceDialog({
  rules,
  preset,
  onClose,
  onDone,
}: {
  rules: readonly AlertRuleView[];
  preset: SilencePreset;
  onClose: () => void;
  onDone: (m: string) => void;
}) {
  const save = useMutation();
  const [ruleId, setRuleId] = useState(preset.ruleId ?? '');
  const [vm, setVm] = useState(preset.vm ?? '');
  const [hostId, setHostId] = useState(preset.hostId ?? '');
  const [hours, setHours] = useState('2');
  const [comment, setComment] = useState('');
  const errors = save.problem?.fields;

  // Counted from the moment Silence is pressed, and said back as the server stored it.
  function request(): DialogRequest {
    const endsAt = new Date(Date.now() + Number(hours) * 3_600_000).toISOString();
    const body = { ruleId: ruleId || null, vm: vm || null, hostId: hostId || null, comment, endsAt };
    return { url: keys.alertSilences, body, touches: [keys.alertSilences, keys.alerts] };
  }

  return (
    <RequestDialog<{ silence: SilenceView }>
      mutation={save}
      title="New silence"
      onClose={onClose}
      request={request}
      onSent={({ silence }) => onDone(`Silenced until ${new Date(silence.endsAt).toLocaleString()}.`)}
      submitLabel="Silence"
      testId="silence-dialog"
    >
      <SelectField label="Rule" value={ruleId} onChange={setRuleId} error={fieldError(errors, 'ruleId')} testId="silence-rule">
        <option value="">Any rule</option>
        {rules.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </SelectField>
      <TextField label="VM (name or UUID)" hint="Empty: any VM." value={vm} onChange={setVm} error={fieldError(errors, 'vm')} testId="silence-vm" />
      <TextField label="Host" hint="Empty: any host." value={hostId} onChange={setHostId} error={fieldError(errors, 'hostId')} />
      <SelectField label="For" value={hours} onChange={setHours} error={fieldError(errors, 'endsAt')}>
        {HOURS.map((h) => (
          <option key={h} value={String(h)}>
            {h < 24 ? `${h} h` : `${h / 24} day${h === 24 ? '' : 's'}`}
          </option>
        ))}
      </SelectField>
      <TextField label="Comment" value={comment} onChange={setComment} error={fieldError(errors, 'comment')} />
    </RequestDialog>
  );
}
