import { describe, expect, it } from 'vitest';
import { fieldUpTo, stepOfField, WIZARD_STEPS, type StepId } from './steps';

describe('wizard steps', () => {
  it('find the step of a field path', () => {
    const expected: Record<string, StepId> = {
      name: 'source',
      'source.image.url': 'source',
      'os.variant': 'os',
      'os.firmware': 'os',
      'resources.memoryMiB': 'resources',
      'storage.pool': 'storage',
      'network.bridge': 'network',
      'cloudInit.user.sshKeys.0': 'cloud-init',
      'tags.1': 'source',
      host: 'host',
      xml: 'review',
      start: 'review',
      whatever: 'review',
      'something.else': 'review',
    };
    for (const [path, step] of Object.entries(expected)) expect(stepOfField(path), path).toBe(step);
    expect(WIZARD_STEPS.map((s) => s.id)).toEqual(['source', 'os', 'resources', 'storage', 'network', 'cloud-init', 'host', 'review']);
  });

  it('say which fields a step check covers: its own and earlier ones', () => {
    expect(fieldUpTo('name', 'source')).toBe(true);
    expect(fieldUpTo('resources.vcpus', 'source')).toBe(false);
    expect(fieldUpTo('resources.vcpus', 'resources')).toBe(true);
    expect(fieldUpTo('name', 'network')).toBe(true);
    expect(fieldUpTo('xml', 'cloud-init')).toBe(false);
  });
});
