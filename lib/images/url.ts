import { ImageSourceError } from './errors';

/** Only http and https, and no credentials in the address (they would end up in logs and the audit trail). */
export function checkImageUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ImageSourceError(`"${raw.slice(0, 200)}" is not a URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ImageSourceError(`Only http:// and https:// image addresses are allowed, not ${url.protocol}//.`);
  if (url.username || url.password) throw new ImageSourceError('The image address may not contain a user name or password.');
  if (!url.hostname) throw new ImageSourceError('The image address has no host.');
  return url;
}
