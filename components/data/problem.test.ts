import { describe, expect, it } from 'vitest';
import { ApiError } from '@/components/api-client';
import { changedNothing, fieldError, problemOf } from './problem';

describe('problemOf', () => {
  it('keeps the server message, its field messages and the status', () => {
    const err = new ApiError('Request failed (422).', 422, { error: 'The name is taken.', fields: { name: 'Taken.' } });
    expect(problemOf(err)).toEqual({ message: 'The name is taken.', fields: { name: 'Taken.' }, status: 422 });
    expect(changedNothing(problemOf(err))).toBe(true);
  });

  it('accepts `message` where a body has no `error`, and plain errors with status 0', () => {
    expect(problemOf(new ApiError('x', 409, { message: 'Busy.' })).message).toBe('Busy.');
    expect(problemOf(new Error('offline'))).toEqual({ message: 'offline', fields: {}, status: 0 });
    expect(changedNothing(problemOf(new Error('offline')))).toBe(false);
  });
});

describe('fieldError', () => {
  const fields = {
    'source.pool': 'No such pool.',
    'cloudInit.user.name': 'Not a user name.',
    'order.2.kind': 'Unknown device.',
    'ipv4.hosts.0.mac': 'Not a MAC.',
    name: 'Taken.',
  };

  it('matches a dotted key exactly or anything under it, trying keys in order', () => {
    expect(fieldError(fields, 'name')).toBe('Taken.');
    expect(fieldError(fields, 'cloudInit.user')).toBe('Not a user name.');
    expect(fieldError(fields, 'ipv4.hosts.0.mac')).toBe('Not a MAC.');
    expect(fieldError(fields, 'ipv4.cidr', 'ipv4')).toBe('Not a MAC.');
    expect(fieldError(fields, 'pool')).toBeUndefined();
    expect(fieldError(undefined, 'name')).toBeUndefined();
  });

  it('with *., matches a name at any depth and the entries of a list, not what lies under a name', () => {
    expect(fieldError(fields, '*.pool')).toBe('No such pool.');
    expect(fieldError(fields, '*.order')).toBe('Unknown device.');
    expect(fieldError(fields, '*.source')).toBeUndefined();
    expect(fieldError(fields, '*.user')).toBeUndefined();
    // The cloud-init user's name is not the VM's name.
    expect(fieldError({ 'cloudInit.user.name': 'x' }, 'name')).toBeUndefined();
  });
});
