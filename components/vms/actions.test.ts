import { describe, expect, it } from 'vitest';
import { ALL_STATES } from '@/lib/vms/state-names';
import { actionsFor, confirmText, labels, needsConfirm } from './actions';

describe('lifecycle actions offered per state', () => {
  it('offers start only when the VM is down, and force off whenever it is up', () => {
    expect(actionsFor('shut off')).toEqual(['start']);
    expect(actionsFor('crashed')).toEqual(['start']);
    expect(actionsFor('running')).toEqual(['shutdown', 'reboot', 'suspend', 'destroy']);
    expect(actionsFor('paused')).toEqual(['resume', 'destroy']);
    for (const s of ALL_STATES) expect(actionsFor(s).length).toBeGreaterThan(0);
  });

  it('never offers Start for a template, which the server refuses to start', () => {
    expect(actionsFor('shut off', true)).toEqual([]);
    expect(actionsFor('crashed', true)).toEqual([]);
    expect(actionsFor('running', true)).toContain('destroy');
  });

  it('asks before what loses guest state, naming the VM or counting them', () => {
    expect([...needsConfirm].sort()).toEqual(['destroy', 'reboot']);
    expect(confirmText('destroy', ['web'])).toMatch(/^Force off "web"\? .*pulling the power plug/);
    expect(confirmText('reboot', ['a', 'b'])).toBe('Reboot 2 virtual machines? Programs running in the guest are stopped.');
    expect(labels.destroy).toBe('Force off');
  });
});
