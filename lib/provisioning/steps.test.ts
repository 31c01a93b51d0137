import { describe, expect, it } from 'vitest';
import { fieldUpTo, stepOfField, WIZARD_STEPS } from './steps';

describe('wizard steps', () => {
  it('find the step of a field path', () => {
    expect(stepOfField('name')).toBe('source');
    expect(stepOfField('source.image.url')).toBe('source');
    expect(stepOfField('os.variant')).toBe('os');
    expect(stepOfField('resources.memoryMiB')).toBe('resources');
    expect(stepOfField('cloudInit.user.sshKeys.0')).toBe('cloud-init');
    expect(stepOfField('start')).toBe('review');
    expect(stepOfField('whatever')).toBe('review');
    expect(WIZARD_STEPS.map((s) => s.id)).toEqual(['source', 'os', 'resources', 'storage', 'network', 'cloud-init', 'review']);
  });

  it('say which fields a step check covers: its own and earlier ones', () => {
    expect(fieldUpTo('name', 'source')).toBe(true);
    expect(fieldUpTo('resources.vcpus', 'source')).toBe(false);
    expect(fieldUpTo('resources.vcpus', 'resources')).toBe(true);
    expect(fieldUpTo('name', 'network')).toBe(true);
    expect(fieldUpTo('xml', 'cloud-init')).toBe(false);
  });
});
