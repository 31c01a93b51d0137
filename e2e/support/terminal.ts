import type { Page } from 'playwright-core';

// Reading what xterm.js shows (its whole buffer, not only the visible rows) in a console page.

export async function terminalText(p: Page, testId = 'serial-terminal'): Promise<string> {
  return p.evaluate((id) => {
    const el = document.querySelector<
      HTMLElement & { xterm?: { buffer: { active: { length: number; getLine(i: number): { translateToString(trim: boolean): string } | undefined } } } }
    >(`[data-testid="${id}"]`);
    const buf = el?.xterm?.buffer.active;
    if (!buf) return '';
    const lines: string[] = [];
    for (let i = 0; i < buf.length; i++) lines.push(buf.getLine(i)?.translateToString(true) ?? '');
    return lines.join('\n');
  }, testId);
}

export async function waitText(p: Page, re: RegExp, timeout = 60_000, testId = 'serial-terminal', from = 0): Promise<string> {
  const until = Date.now() + timeout;
  for (;;) {
    const text = await terminalText(p, testId);
    if (re.test(text.slice(from))) return text;
    if (Date.now() > until) throw new Error(`no ${re} in the terminal:\n${text.slice(-1500)}`);
    await p.waitForTimeout(100);
  }
}
