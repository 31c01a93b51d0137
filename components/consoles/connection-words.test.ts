import { describe, expect, it } from 'vitest';
import { connectionWords } from './connection-words';

describe('what a console badge says', () => {
  it('names each phase, with the console’s own word for an open connection', () => {
    expect(connectionWords({ phase: 'connecting' }, { open: 'Connected' })).toBe('Connecting…');
    expect(connectionWords({ phase: 'open' }, { open: 'In use elsewhere' })).toBe('In use elsewhere');
    expect(connectionWords({ phase: 'closed', reason: 'bye' }, { open: 'Connected' })).toBe('Disconnected');
    expect(connectionWords({ phase: 'closed', reason: 'bye' }, { open: 'Connected', closed: 'Closed' })).toBe('Closed');
  });

  it('counts down a reconnect in tenths of a second', () => {
    expect(connectionWords({ phase: 'retrying', inMs: 1250 }, { open: 'Connected' })).toBe('Reconnecting in 1.3 s…');
    expect(connectionWords({ phase: 'retrying', inMs: 2000 }, { open: 'Connected' })).toBe('Reconnecting in 2 s…');
  });
});
