import { describe, expect, it } from 'vitest';
import { unreachable } from './reach';

const url = new URL('https://cloud.example.org/images/x.qcow2');
const err = (code: string) => Object.assign(new Error(`getaddrinfo ${code} cloud.example.org`), { code });

describe('unreachable', () => {
  it('says in plain words that the host could not reach the address, and why', () => {
    expect(unreachable(url, err('ENOTFOUND'))).toBe(
      'The host could not reach cloud.example.org: its name does not resolve (DNS has no such name, or the host has no working DNS). Check the address, ' +
        "and the host's network and DNS settings.",
    );
    expect(unreachable(url, err('EAI_AGAIN'))).toMatch(/could not reach cloud\.example\.org: its name could not be resolved now/);
    expect(unreachable(url, err('ECONNREFUSED'))).toMatch(/refused the connection/);
    expect(unreachable(url, err('ETIMEDOUT'))).toMatch(/did not answer in time/);
  });

  it('leaves other errors to their own message', () => {
    expect(unreachable(url, new Error('boom'))).toBeNull();
    expect(unreachable(url, null)).toBeNull();
    expect(unreachable(url, err('EWHATEVER'))).toBeNull();
  });
});
