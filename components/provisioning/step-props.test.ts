import { describe, expect, it } from 'vitest';
import { textBinder } from './step-props';
import { initialState } from './wizard-state';

describe('a wizard text field bound to the state', () => {
  it('reads the value, writes a change back under its key, and finds the server message by path', () => {
    const patches: object[] = [];
    const s = { ...initialState, hostname: 'web-01' };
    const text = textBinder({ s, set: (p) => patches.push(p), errors: { 'cloudInit.user.name': 'Too long.' } });
    const host = text('hostname', 'cloudInit.hostname');
    expect(host.value).toBe('web-01');
    expect(host.error).toBeUndefined();
    host.onChange('db-02');
    expect(patches).toEqual([{ hostname: 'db-02' }]);
    expect(text('userName', 'cloudInit.user.name', 'cloudInit.user').error).toBe('Too long.');
  });
});
