/** Raised when bytes do not decode as the XDR layout says: truncated, over a declared limit, or malformed. */
export class XdrError extends Error {
  override name = 'XdrError';
}
