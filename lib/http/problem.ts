// JSON error bodies every route handler answers with: { error: plain-words message, ...details }.

export function problem(status: number, error: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error, ...extra }, { status, headers: { 'cache-control': 'no-store' } });
}

export const unauthorized = () => problem(401, 'You are not signed in, or your session has expired.');
export const forbidden = (what: string) => problem(403, `Your role does not allow you to ${what}.`);
