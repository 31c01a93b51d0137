import { describe, expect, it } from 'vitest';
import { splitChrome } from './field-chrome';

describe('the frame of a labelled control', () => {
  it('takes label, help, error and test id, and leaves the rest to the control', () => {
    const [chrome, control] = splitChrome({ label: 'Name', hint: 'a hint', error: 'bad', testId: 'name', value: 'x', disabled: true });
    expect(chrome).toEqual({ label: 'Name', hint: 'a hint', error: 'bad', testId: 'name' });
    expect(control).toEqual({ value: 'x', disabled: true });
  });

  it('leaves the control nothing of the frame when only a label is given', () => {
    const [chrome, control] = splitChrome({ label: 'Size' });
    expect(chrome.label).toBe('Size');
    expect(chrome.error).toBeUndefined();
    expect(Object.keys(control)).toEqual([]);
  });
});
