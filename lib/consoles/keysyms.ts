// X11 keysyms for typing text into a guest over RFB. Latin-1 characters are their own keysym; other Unicode
// characters are 0x01000000 + code point; control characters map to the keys that produce them.

export const XK = {
  BackSpace: 0xff08,
  Tab: 0xff09,
  Return: 0xff0d,
  Escape: 0xff1b,
  Delete: 0xffff,
  Control_L: 0xffe3,
  Alt_L: 0xffe9,
  Shift_L: 0xffe1,
  Super_L: 0xffeb,
  F1: 0xffbe,
  Print: 0xff61,
} as const;

export function keysymFor(char: string): number | null {
  const cp = char.codePointAt(0);
  if (cp === undefined) return null;
  if (char === '\n' || char === '\r') return XK.Return;
  if (char === '\t') return XK.Tab;
  if (char === '\b') return XK.BackSpace;
  if (cp < 0x20 || cp === 0x7f) return null;
  if (cp <= 0xff) return cp;
  return 0x01000000 + cp;
}

// QEMU turns a keysym into the scancode of its key and leaves Shift to the client, so an upper-case letter
// sent alone arrives lower-case. Characters typed with Shift on a US layout get Shift held around them.
const SHIFTED = /^[A-Z~!@#$%^&*()_+{}|:"<>?]$/;

export interface KeyStroke {
  keysym: number;
  shift: boolean;
}

/** Key strokes, in order, that type `text` (characters with no key are skipped; \r\n counts once). */
export function keyStrokesForText(text: string): KeyStroke[] {
  const out: KeyStroke[] = [];
  for (const ch of text.replace(/\r\n/g, '\n')) {
    const k = keysymFor(ch);
    if (k !== null) out.push({ keysym: k, shift: SHIFTED.test(ch) });
  }
  return out;
}

export interface KeyCombo {
  label: string;
  keys: number[];
}

export const KEY_COMBOS: KeyCombo[] = [
  { label: 'Ctrl+Alt+Backspace', keys: [XK.Control_L, XK.Alt_L, XK.BackSpace] },
  ...[1, 2, 3, 7].map((n) => ({ label: `Ctrl+Alt+F${n}`, keys: [XK.Control_L, XK.Alt_L, XK.F1 + n - 1] })),
  { label: 'Alt+Tab', keys: [XK.Alt_L, XK.Tab] },
  { label: 'Super (Windows key)', keys: [XK.Super_L] },
  { label: 'Print Screen', keys: [XK.Print] },
  { label: 'Escape', keys: [XK.Escape] },
];
