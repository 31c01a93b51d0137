import { describe, expect, it } from 'vitest';
import { common, fingerprintOf, webhookPayload, ZERO_TIME, type NotifiedAlert } from './alertmanager';

const alert = (vm: string, status: 'firing' | 'resolved'): NotifiedAlert => {
  const labels = { alertname: 'High CPU', severity: 'warning', host: 'h1', vm };
  return {
    status,
    labels,
    annotations: { summary: `High CPU: ${vm}`, description: 'busy' },
    startsAt: '2026-12-01T10:00:00.000Z',
    endsAt: status === 'firing' ? ZERO_TIME : '2026-12-01T10:05:00.000Z',
    generatorURL: 'https://vireo.example:8443/alerts',
    fingerprint: fingerprintOf(labels),
  };
};

describe("Alertmanager's webhook payload", () => {
  it('has every member of version 4, with the group keyed by alertname', () => {
    const p = webhookPayload('ops', [alert('web1', 'firing'), alert('web2', 'firing')], 'https://vireo.example:8443');
    expect(Object.keys(p).sort()).toEqual(
      ['alerts', 'commonAnnotations', 'commonLabels', 'externalURL', 'groupKey', 'groupLabels', 'receiver', 'status', 'truncatedAlerts', 'version'].sort(),
    );
    expect(p).toMatchObject({
      version: '4',
      groupKey: '{}:{alertname="High CPU"}',
      status: 'firing',
      receiver: 'ops',
      groupLabels: { alertname: 'High CPU' },
      commonLabels: { alertname: 'High CPU', severity: 'warning', host: 'h1' },
      commonAnnotations: { description: 'busy' },
      externalURL: 'https://vireo.example:8443',
    });
    for (const a of p.alerts) {
      expect(Object.keys(a).sort()).toEqual(['annotations', 'endsAt', 'fingerprint', 'generatorURL', 'labels', 'startsAt', 'status']);
      expect(a.fingerprint).toMatch(/^[0-9a-f]{16}$/);
      expect(a.endsAt).toBe(ZERO_TIME);
    }
    // Plain JSON: what a receiver parses is what was built.
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });

  it('is resolved only when every alert in it is', () => {
    expect(webhookPayload('ops', [alert('a', 'resolved'), alert('b', 'resolved')], 'x').status).toBe('resolved');
    expect(webhookPayload('ops', [alert('a', 'resolved'), alert('b', 'firing')], 'x').status).toBe('firing');
  });

  it('escapes quotes in the group key', () => {
    const a = { ...alert('a', 'firing'), labels: { alertname: 'say "hi"' } };
    expect(webhookPayload('ops', [a], 'x').groupKey).toBe('{}:{alertname="say \\"hi\\""}');
  });

  it('fingerprints by labels whatever their order, and differently for different labels', () => {
    expect(fingerprintOf({ a: '1', b: '2' })).toBe(fingerprintOf({ b: '2', a: '1' }));
    expect(fingerprintOf({ a: '1', b: '2' })).not.toBe(fingerprintOf({ a: '1', b: '3' }));
    // The separator keeps "ab"+"c" apart from "a"+"bc".
    expect(fingerprintOf({ ab: 'c' })).not.toBe(fingerprintOf({ a: 'bc' }));
  });

  it('keeps as common only what every alert has with the same value', () => {
    expect(common([{ a: '1', b: '2' }, { a: '1', b: '3' }, { a: '1' }])).toEqual({ a: '1' });
    expect(common([])).toEqual({});
  });
});
