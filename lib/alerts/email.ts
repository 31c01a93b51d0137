import { hostname } from 'node:os';
import nodemailer from 'nodemailer';
import type { AlertSettings } from '@/lib/config/settings';
import type { WebhookPayload } from './alertmanager';

// Email receivers: one plain-text message per notification through the SMTP server of VIREO_SMTP_URL (nodemailer
// speaks SMTP, STARTTLS and authentication). The server is the operator's setting, not admin input in the UI.

export const EMAIL_NOT_SET_UP = 'Email is not set up: set VIREO_SMTP_URL (and VIREO_SMTP_FROM) and restart Vireo.';

export interface EmailAnswer {
  error: string | null;
}

export function emailSubject(p: WebhookPayload): string {
  const firing = p.alerts.filter((a) => a.status === 'firing').length;
  const name = p.groupLabels.alertname ?? 'alert';
  const subjects = [...new Set(p.alerts.map((a) => a.labels.vm ?? a.labels.host ?? ''))].filter(Boolean);
  const count = p.status === 'firing' ? `FIRING:${firing}` : 'RESOLVED';
  return `[${count}] ${name}${subjects.length ? ` (${subjects.slice(0, 3).join(', ')}${subjects.length > 3 ? ', …' : ''})` : ''}`;
}

export function emailText(p: WebhookPayload): string {
  const lines = [`${emailSubject(p)}`, ''];
  for (const a of p.alerts) {
    lines.push(`${a.status.toUpperCase()}: ${a.annotations.summary ?? a.labels.alertname}`);
    if (a.annotations.description) lines.push(`  ${a.annotations.description}`);
    lines.push(`  since ${a.startsAt}${a.status === 'resolved' ? `, resolved ${a.endsAt}` : ''}`);
    lines.push(
      `  labels: ${Object.entries(a.labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`,
    );
    lines.push('');
  }
  lines.push(`Alerts: ${p.externalURL}/alerts`);
  return lines.join('\n');
}

export async function sendEmail(to: readonly string[], p: WebhookPayload, smtp: Pick<AlertSettings, 'smtpUrl' | 'smtpFrom'>): Promise<EmailAnswer> {
  if (!smtp.smtpUrl) return { error: EMAIL_NOT_SET_UP };
  const url = new URL(smtp.smtpUrl);
  const transport = nodemailer.createTransport({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    await transport.sendMail({ from: smtp.smtpFrom ?? `vireo@${hostname()}`, to: [...to], subject: emailSubject(p), text: emailText(p) });
    return { error: null };
  } catch (err) {
    return { error: `The SMTP server refused or could not be reached: ${(err as Error).message}` };
  } finally {
    transport.close();
  }
}
