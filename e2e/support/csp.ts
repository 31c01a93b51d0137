import type { BrowserContext } from 'playwright-core';

/**
 * Collects every Content-Security-Policy violation in a browser context: the page's securitypolicyviolation
 * events and Chromium's own console reports ("Refused to ... because it violates ..."). Playwright's init script
 * is not itself subject to the page's policy.
 */
export async function watchCsp(ctx: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await ctx.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`[csp-violation] ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} on ${e.documentURI}`);
    });
  });
  ctx.on('console', (msg) => {
    const text = msg.text();
    if (text.startsWith('[csp-violation]') || /Content Security Policy/i.test(text)) violations.push(`${msg.location().url}: ${text.slice(0, 400)}`);
  });
  return violations;
}
