// A server-sent events reader over fetch, for benches that follow Vireo's live feeds as a browser's EventSource
// would: each event is handed over as soon as its blank line has arrived, with the time it was parsed.

export interface SseEvent {
  event: string;
  data: string;
  /** performance.timeOrigin + performance.now() when the event was complete. */
  at: number;
}

export interface SseStream {
  close: () => void;
  /** Resolves when the stream ends (closed by either side). */
  done: Promise<void>;
}

export async function followSse(url: string, headers: Record<string, string>, onEvent: (e: SseEvent) => void): Promise<SseStream> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { ...headers, accept: 'text/event-stream' }, signal: abort.signal });
  if (!res.ok || !res.body) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  const done = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) return;
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length) onEvent({ event, data: data.join('\n'), at: performance.timeOrigin + performance.now() });
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return { close: () => abort.abort(), done };
}
