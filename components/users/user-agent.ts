// A session's browser in a few words ("Firefox 128 on Linux") from the User-Agent header it signed in with, so an
// admin can tell a user's sessions apart; the header itself is kept for a tooltip. Browsers name themselves in
// layers (Edge says Chrome and Safari too), so the most specific token is looked for first.

const BROWSERS: readonly [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/\bOPR\/(\d+)/, 'Opera'],
  [/\bFirefox\/(\d+)/, 'Firefox'],
  [/\bFxiOS\/(\d+)/, 'Firefox'],
  [/\bCriOS\/(\d+)/, 'Chrome'],
  [/\bChromium\/(\d+)/, 'Chromium'],
  [/\bHeadlessChrome\/(\d+)/, 'Headless Chrome'],
  [/\bChrome\/(\d+)/, 'Chrome'],
  [/\bVersion\/(\d+)(?:\.\d+)*.*\bSafari\//, 'Safari'],
];

const SYSTEMS: readonly [RegExp, string][] = [
  [/\bAndroid\b/, 'Android'],
  [/\b(?:iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b|\bX11\b/, 'Linux'],
];

export function describeUserAgent(ua: string | null | undefined): string {
  const text = ua?.trim();
  if (!text) return 'Unknown browser';
  const system = SYSTEMS.find(([re]) => re.test(text))?.[1];
  for (const [re, name] of BROWSERS) {
    const m = re.exec(text);
    if (m) return system ? `${name} ${m[1]} on ${system}` : `${name} ${m[1]}`;
  }
  // A tool or script ("curl/8.5.0"): its first product token.
  const [product, version] = text.split(/\s/)[0]!.split('/');
  return version ? `${product} ${version}` : product!.slice(0, 40);
}
