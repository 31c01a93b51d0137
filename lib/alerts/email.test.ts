import { describe, expect, it } from 'vitest';
import { fingerprintOf, webhookPayload, ZERO_TIME, type NotifiedAlert } from './alertmanager';
import { EMAIL_NOT_SET_UP, emailSubject, emailText, sendEmail } from './email';

const alert = (vm: string, status: 'firing' | 'resolved'): NotifiedAlert => ({
  status,
  labels: { alertname: 'Disk busy', vm },
  annotations: { summary: `Disk busy: ${vm}`, description: 'writes over 50 MB/s' },
  startsAt: '2026-12-01T10:00:00.000Z',
  endsAt: status === 'firing' ? ZERO_TIME : '2026-12-01T10:10:00.000Z',
  generatorURL: 'https://v/alerts',
  fingerprint: fingerprintOf({ vm }),
});

describe('alert emails', () => {
  it('say in the subject how many fire and where, like Alertmanager', () => {
    expect(emailSubject(webhookPayload('ops', [alert('a', 'firing'), alert('b', 'firing')], 'https://v'))).toBe('[FIRING:2] Disk busy (a, b)');
    expect(emailSubject(webhookPayload('ops', [alert('a', 'resolved')], 'https://v'))).toBe('[RESOLVED] Disk busy (a)');
    const many = ['a', 'b', 'c', 'd'].map((v) => alert(v, 'firing'));
    expect(emailSubject(webhookPayload('ops', many, 'https://v'))).toBe('[FIRING:4] Disk busy (a, b, c, …)');
  });

  it('list each alert with its description, times and labels, and link the page', () => {
    const text = emailText(webhookPayload('ops', [alert('a', 'resolved')], 'https://v'));
    expect(text).toContain('RESOLVED: Disk busy: a');
    expect(text).toContain('writes over 50 MB/s');
    expect(text).toContain('resolved 2026-12-01T10:10:00.000Z');
    expect(text).toContain('labels: alertname=Disk busy vm=a');
    expect(text).toContain('Alerts: https://v/alerts');
  });

  it('fail in plain words when no SMTP server is set', async () => {
    expect(await sendEmail(['x@y.z'], webhookPayload('ops', [alert('a', 'firing')], 'https://v'), { smtpUrl: null, smtpFrom: null })).toEqual({
      error: EMAIL_NOT_SET_UP,
    });
  });
});
