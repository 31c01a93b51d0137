/** Set by server/ on every request from the socket (or X-Forwarded-For behind a trusted proxy); never client-controlled. */
export const CLIENT_IP_HEADER = 'x-vireo-client-ip';

export function clientIp(headers: Headers): string | null {
  return headers.get(CLIENT_IP_HEADER);
}
