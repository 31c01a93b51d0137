// What a failed connection to an image's address means, in the words of someone creating a VM: the host could not
// reach the address (its name does not resolve, nothing answers, the connection was refused or cut), rather than
// Node's error codes.

const WHY: Record<string, string> = {
  ENOTFOUND: 'its name does not resolve (DNS has no such name, or the host has no working DNS)',
  EAI_AGAIN: 'its name could not be resolved now (DNS did not answer; is the host offline?)',
  EAI_FAIL: 'its name could not be resolved (DNS failed)',
  ECONNREFUSED: 'the server refused the connection',
  ECONNRESET: 'the connection was cut',
  ETIMEDOUT: 'the server did not answer in time',
  ENETUNREACH: 'the host has no route to that network (is it offline?)',
  EHOSTUNREACH: 'the host has no route to that server',
  EPIPE: 'the connection was cut',
  CERT_HAS_EXPIRED: "the server's TLS certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's TLS certificate is self-signed and not trusted",
  SELF_SIGNED_CERT_IN_CHAIN: "the server's TLS certificate is not trusted",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's TLS certificate could not be verified",
  ERR_TLS_CERT_ALTNAME_INVALID: "the server's TLS certificate is for another name",
};

/** The plain sentence for a connection failure to `url`, or null when the error is not one of those. */
export function unreachable(url: URL, err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  const why = typeof code === 'string' ? WHY[code] : undefined;
  if (!why) return null;
  return `The host could not reach ${url.host}: ${why}. Check the address, and the host's network and DNS settings.`;
}
