import type { Page } from 'playwright-core';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };

export interface SidewaysReport {
  scrollWidth: number;
  clientWidth: number;
  /** The outermost elements that reach past the right edge (for the failure message). */
  offenders: string[];
}

/** How wide the page scrolls compared with the window; a page that fits has scrollWidth <= clientWidth. */
export function sideways(page: Page): Promise<SidewaysReport> {
  return page.evaluate(() => {
    const se = document.scrollingElement!;
    const edge = se.clientWidth + 1;
    const offenders: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= edge) continue;
      // Inside a box that scrolls or clips on its own, an element does not widen the page.
      let clipped = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o !== 'visible') {
          clipped = true;
          break;
        }
      }
      const parentOut = el.parentElement !== null && el.parentElement.getBoundingClientRect().right > edge;
      if (!clipped && !parentOut) offenders.push(`<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> right=${Math.round(box.right)}`);
    }
    return { scrollWidth: se.scrollWidth, clientWidth: se.clientWidth, offenders: offenders.slice(0, 5) };
  });
}

/** Goes to a page and waits until what it shows has arrived (a locator), the fonts and one more frame. */
export async function openAndSettle(page: Page, path: string, ready: string): Promise<void> {
  await page.goto(path);
  await page
    .locator(ready)
    .first()
    .waitFor()
    .catch((err: Error) => {
      throw new Error(`${path}: ${ready} did not appear: ${err.message.split('\n')[0]}`);
    });
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => r(null)))));
}

export interface Unreadable {
  text: string;
  ratio: number;
  color: string;
  background: string;
}

/**
 * Every visible piece of active text on the page whose contrast with the background behind it is below `min` (WCAG's
 * ratio; 4.5 for body text, 3 for large text and controls). Colours are read back through a canvas, so oklch()
 * and light-dark() values compare like any other; text over an image or a gradient is left out.
 */
export function unreadableText(page: Page, min: number): Promise<Unreadable[]> {
  return page.evaluate((min) => {
    const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    const rgba = (c: string): [number, number, number, number] => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = c;
      ctx.fillRect(0, 0, 1, 1);
      const d = ctx.getImageData(0, 0, 1, 1).data;
      return [d[0]!, d[1]!, d[2]!, d[3]! / 255];
    };
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const backdrop = (el: Element | null): [number, number, number] | null => {
      for (let e = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.backgroundImage !== 'none') return null;
        const [r, g, b, a] = rgba(s.backgroundColor);
        if (a > 0.9) return [r, g, b];
      }
      return rgba(getComputedStyle(document.body).backgroundColor).slice(0, 3) as [number, number, number];
    };
    const found: { text: string; ratio: number; color: string; background: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || seen.has(el) || !n.textContent?.trim()) continue;
      seen.add(el);
      if (el.closest('[aria-hidden="true"], .xterm, [data-testid="vnc-screen"], option, script, style')) continue;
      const box = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      if (box.width === 0 || box.height === 0 || s.visibility !== 'visible' || Number(s.opacity) < 0.5) continue;
      // Inactive items are exempt (WCAG 1.4.3): disabled controls, and text in slate-400, the kit's colour for a
      // choice that is not available or a device left out of the boot order.
      if (el.closest(':disabled, [aria-disabled="true"], .text-slate-400')) continue;
      const bg = backdrop(el);
      if (!bg) continue;
      const [r, g, b, a] = rgba(s.color);
      const fg = [r * a + bg[0] * (1 - a), g * a + bg[1] * (1 - a), b * a + bg[2] * (1 - a)];
      const [hi, lo] = [lum(fg), lum(bg)].sort((x, y) => y - x) as [number, number];
      const ratio = (hi + 0.05) / (lo + 0.05);
      if (ratio < min)
        found.push({ text: n.textContent.trim().slice(0, 40), ratio: Math.round(ratio * 100) / 100, color: s.color, background: `rgb(${bg.join(',')})` });
    }
    return found;
  }, min);
}

/** The page's own background as r,g,b, and whether it is dark (luminance below a fifth). */
export function pageShade(page: Page): Promise<{ rgb: string; dark: boolean }> {
  return page.evaluate(() => {
    const c = document.createElement('canvas').getContext('2d')!;
    c.fillStyle = getComputedStyle(document.body).backgroundColor;
    c.fillRect(0, 0, 1, 1);
    const [r, g, b] = c.getImageData(0, 0, 1, 1).data;
    return { rgb: `${r},${g},${b}`, dark: 0.2126 * r! + 0.7152 * g! + 0.0722 * b! < 255 / 5 };
  });
}
