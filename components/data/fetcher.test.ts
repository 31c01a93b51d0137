import { describe, expect, it } from 'vitest';
import { ApiError } from '@/components/api-client';
import { worthRetrying } from './fetcher';

describe('which failed reads are retried', () => {
  it('retries a server fault or no answer, not a refusal', () => {
    expect(worthRetrying(new ApiError('down', 0, {}))).toBe(true);
    expect(worthRetrying(new ApiError('fault', 502, {}))).toBe(true);
    expect(worthRetrying(new TypeError('network'))).toBe(true);
    for (const status of [401, 403, 404, 422]) expect(worthRetrying(new ApiError('no', status, {}))).toBe(false);
  });
});
