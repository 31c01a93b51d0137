import { describe, expect, it } from 'vitest';
import { SocketViewer, type SocketLike } from './socket-viewer';
import { CloseCode } from './protocol';

class FakeSocket implements SocketLike {
  bufferedAmount = 0;
  sent: Array<Buffer | string> = [];
  closed: number | null = null;
  send(data: Buffer | string) {
    this.sent.push(data);
  }
  close(code?: number) {
    this.closed = code ?? 1000;
  }
}

describe('SocketViewer', () => {
  it('passes output through while the browser keeps up', () => {
    const s = new FakeSocket();
    const v = new SocketViewer(s, { maxBuffered: 10, maxLagMs: 100 });
    v.output(Buffer.from('hello'));
    expect(s.sent.map(String)).toEqual(['hello']);
  });

  it('drops output past the buffer bound and reports the gap once caught up', () => {
    const s = new FakeSocket();
    const v = new SocketViewer(s, { maxBuffered: 10, maxLagMs: 100 });
    s.bufferedAmount = 11;
    v.output(Buffer.from('abc'));
    v.output(Buffer.from('defg'));
    expect(s.sent).toHaveLength(0);
    expect(v.droppedBytes).toBe(7);
    s.bufferedAmount = 0;
    v.output(Buffer.from('h'));
    expect(String(s.sent[0])).toContain('7 bytes of output skipped');
    expect(String(s.sent[1])).toBe('h');
  });

  it('disconnects a browser that stays behind too long', () => {
    let now = 0;
    const s = new FakeSocket();
    const v = new SocketViewer(s, { maxBuffered: 10, maxLagMs: 100 }, () => now);
    s.bufferedAmount = 50;
    v.output(Buffer.from('x'));
    now = 50;
    v.output(Buffer.from('x'));
    expect(s.closed).toBeNull();
    now = 101;
    v.output(Buffer.from('x'));
    expect(s.closed).toBe(CloseCode.TOO_SLOW);
  });

  it('sends states as JSON text frames', () => {
    const s = new FakeSocket();
    new SocketViewer(s).state({ state: 'busy', message: 'in use' });
    expect(JSON.parse(String(s.sent[0]))).toEqual({ type: 'state', state: 'busy', message: 'in use' });
  });
});
