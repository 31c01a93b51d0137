'use client';

import type { Terminal } from '@xterm/xterm';
import type { FitAddon } from '@xterm/addon-fit';

// xterm.js touches window and document, so it is loaded in the browser only, when a console mounts.

export interface TerminalView {
  term: Terminal;
  fit: FitAddon;
  dispose(): void;
}

export async function mountTerminal(el: HTMLElement): Promise<TerminalView> {
  const [{ Terminal }, { FitAddon }] = await Promise.all([import('@xterm/xterm'), import('@xterm/addon-fit')]);
  const term = new Terminal({
    scrollback: 10_000,
    cursorBlink: true,
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
    fontSize: 14,
    theme: { background: '#0f172a' },
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.open(el);
  fit.fit();
  // The terminal is reachable from its element, for browser tests and tooling that read the whole buffer.
  (el as HTMLElement & { xterm?: Terminal }).xterm = term;
  const observer = new ResizeObserver(() => {
    try {
      fit.fit();
    } catch {
      // Hidden (zero-size) containers cannot be measured; the next resize fits again.
    }
  });
  observer.observe(el);
  return {
    term,
    fit,
    dispose() {
      observer.disconnect();
      term.dispose();
    },
  };
}

/** Ctrl+Shift+C copies the selection, Ctrl+Shift+V pastes: plain Ctrl+C/V belong to the guest. */
export function clipboardKeys(term: Terminal, paste: (text: string) => void): void {
  term.attachCustomKeyEventHandler((e) => {
    if (e.type !== 'keydown' || !e.ctrlKey || !e.shiftKey) return true;
    if (e.code === 'KeyC') {
      void navigator.clipboard?.writeText(term.getSelection());
      return false;
    }
    if (e.code === 'KeyV') {
      void navigator.clipboard?.readText().then(paste);
      return false;
    }
    return true;
  });
}

/** What a terminal needs of its connection: start it, send keystrokes and pastes, stop it. */
interface TerminalSocket {
  start(): void;
  send(data: string): void;
  stop(): void;
}

/**
 * Mounts a terminal in `el` and joins it to the socket `open` makes for it: what is typed or pasted (Ctrl+Shift+V)
 * goes to the socket, which `open` wires to write what arrives. Returns the effect's cleanup: stop and unmount.
 */
export function attachTerminal(el: HTMLElement, open: (view: TerminalView) => TerminalSocket): () => void {
  let disposed = false;
  let view: TerminalView | null = null;
  let sock: TerminalSocket | null = null;
  void mountTerminal(el).then((v) => {
    if (disposed) return v.dispose();
    view = v;
    const s = open(v);
    sock = s;
    v.term.onData((d) => s.send(d));
    clipboardKeys(v.term, (text) => s.send(text));
    s.start();
    v.term.focus();
  });
  return () => {
    disposed = true;
    sock?.stop();
    view?.dispose();
  };
}
