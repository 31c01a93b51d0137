import { describe, expect, it } from 'vitest';
import { zodFields } from '@/lib/errors';
import { receiverBody, ruleBody, silenceBody } from './inputs';

const fieldsOf = (schema: typeof ruleBody | typeof receiverBody | typeof silenceBody, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? {} : zodFields(r.error);
};

describe('alert rule input', () => {
  it('takes a CPU rule and fills the defaults', () => {
    const r = ruleBody.parse({ name: ' High CPU ', metric: 'vm.cpu', comparison: '>', threshold: 90, forSeconds: 300 });
    expect(r).toMatchObject({ name: 'High CPU', scopeKind: 'all', scopeValue: null, severity: 'warning', receivers: [], enabled: true, stateValue: null });
  });

  it('says what is wrong, field by field', () => {
    expect(fieldsOf(ruleBody, { name: '', metric: 'vm.cpu', comparison: '>', threshold: 90 })).toEqual({ name: 'The rule needs a name.' });
    expect(fieldsOf(ruleBody, { name: 'x', metric: 'vm.cpu', comparison: '>', threshold: 150 })).toEqual({ threshold: 'A percentage is at most 100.' });
    expect(fieldsOf(ruleBody, { name: 'x', metric: 'vm.cpu', comparison: 'is' })).toEqual({
      comparison: 'Choose above, at or above, below or at or below.',
      threshold: 'Give a threshold.',
    });
    expect(fieldsOf(ruleBody, { name: 'x', metric: 'vm.cpu', comparison: '>', threshold: 1, forSeconds: -1 })).toEqual({
      forSeconds: '"For" cannot be negative.',
    });
    expect(fieldsOf(ruleBody, { name: 'x', metric: 'vm.cpu', comparison: '>', threshold: 1, scopeKind: 'vm' })).toEqual({ scopeValue: 'Name the VM.' });
    expect(fieldsOf(ruleBody, { name: 'x', metric: 'disk', comparison: '>', threshold: 1 })).toEqual({ metric: 'Choose what the rule watches.' });
  });

  it('wants a state for state rules and no VM scope for host-down rules', () => {
    expect(fieldsOf(ruleBody, { name: 'x', metric: 'vm.state', comparison: 'is-not', stateValue: 'sleeping' }).stateValue).toMatch(/^Choose a state/);
    expect(ruleBody.parse({ name: 'x', metric: 'vm.state', comparison: 'is-not', stateValue: 'running', threshold: 5 })).toMatchObject({ threshold: 0 });
    expect(fieldsOf(ruleBody, { name: 'x', metric: 'host.down', scopeKind: 'vm', scopeValue: 'web' })).toEqual({
      scopeKind: 'A host-down rule applies to every host or one host, not to VMs.',
    });
    expect(ruleBody.parse({ name: 'x', metric: 'host.down' })).toMatchObject({ comparison: '>', threshold: 0 });
  });

  it('takes a tag scope as a tag: lowercased, and refused when no VM could carry it', () => {
    const cpu = { name: 'x', metric: 'vm.cpu', comparison: '>', threshold: 90, scopeKind: 'tag' };
    expect(ruleBody.parse({ ...cpu, scopeValue: ' Prod ' })).toMatchObject({ scopeKind: 'tag', scopeValue: 'prod' });
    expect(fieldsOf(ruleBody, { ...cpu, scopeValue: 'no way' })).toEqual({ scopeValue: '"no way" has a space: tags use letters, digits, ".", "_" and "-".' });
    expect(fieldsOf(ruleBody, { ...cpu, scopeValue: '' })).toEqual({ scopeValue: 'Name the tag.' });
  });
});

describe('receiver and silence input', () => {
  it('wants an address for webhooks, a long enough secret, and real email addresses', () => {
    expect(fieldsOf(receiverBody, { name: 'ops', kind: 'webhook' })).toEqual({ url: 'Give the webhook address.' });
    expect(fieldsOf(receiverBody, { name: 'ops', kind: 'webhook', url: 'https://x.example/', secret: 'short' }).secret).toMatch(/at least 16/);
    expect(fieldsOf(receiverBody, { name: 'ops', kind: 'email', emails: 'a@example.com, nope' })).toEqual({ emails: '"nope" is not an email address.' });
    expect(fieldsOf(receiverBody, { name: 'ops', kind: 'email', emails: ' ' })).toEqual({ emails: 'Give at least one email address.' });
  });

  it('wants a silence to match something', () => {
    expect(fieldsOf(silenceBody, { endsAt: '2030-01-01T00:00:00Z' })).toEqual({ ruleId: 'A silence matches a rule, a VM or a host: choose at least one.' });
    expect(fieldsOf(silenceBody, { vm: 'web', endsAt: 'tomorrow' })).toEqual({ endsAt: 'The end must be a date and time.' });
  });
});
