import type { Problem } from '@/lib/errors';

// Every API error body: { error: plain-words message, status, code?, fields?, ...details }, the same whichever
// route answers, so forms can show `fields` beside their inputs and clients can branch on `code`.

export function problemResponse(p: Problem): Response {
  const body = { ...p.details, error: p.message, status: p.status, ...(p.code ? { code: p.code } : {}), ...(p.fields ? { fields: p.fields } : {}) };
  return Response.json(body, { status: p.status, headers: { 'cache-control': 'no-store' } });
}

export function problem(status: number, message: string, extra: Omit<Problem, 'status' | 'message'> = {}): Response {
  return problemResponse({ status, message, ...extra });
}
