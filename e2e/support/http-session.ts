import type { VireoServer } from './server';

export interface HttpSession {
  headers: Record<string, string>;
}

/** Creates the first admin over HTTP (no browser) and returns headers that act as that admin. */
export async function adminSession(server: VireoServer, username = 'admin', password = 'admin-password-123'): Promise<HttpSession> {
  const res = await fetch(`${server.url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ setupCode: server.setupCode, username, password }),
  });
  if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('vireo_csrf='))!.split('=')[1]!;
  return { headers: { cookie: cookies.join('; '), 'x-csrf-token': decodeURIComponent(csrf) } };
}
