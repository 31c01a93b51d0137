import { describe, expect, it } from 'vitest';
import type { FleetRow } from '@/components/data/types';
import { macMatches, rowMatches } from './vm-search';

const row = (over: Partial<FleetRow> = {}): FleetRow => ({
  uuid: 'u1',
  name: 'Web-1',
  id: 1,
  state: 'running',
  vcpus: 1,
  memoryKiB: 1024,
  maxMemKiB: 1024,
  autostart: false,
  ips: ['192.168.124.10'],
  tags: ['db'],
  macs: ['52:54:00:ab:cd:ef', '52:54:00:12:34:56'],
  host: 'h1',
  unknown: false,
  ...over,
});

describe('macMatches', () => {
  const macs = ['52:54:00:ab:cd:ef', '52:54:00:12:34:56'];

  it('matches any NIC’s MAC, whole or in part, with colons or dashes', () => {
    expect(macMatches(macs, '52:54:00:12:34:56')).toBe(true);
    expect(macMatches(macs, 'ab:cd')).toBe(true);
    expect(macMatches(macs, '52-54-00-ab-cd-ef')).toBe(true);
    expect(macMatches(macs, '12:34:57')).toBe(false);
  });

  it('matches bare or dotted digits from six on', () => {
    expect(macMatches(macs, '525400abcdef')).toBe(true);
    expect(macMatches(macs, '123456')).toBe(true);
    expect(macMatches(macs, '5254.00ab.cdef')).toBe(true);
    expect(macMatches(macs, 'abcd')).toBe(false); // a word, not a MAC fragment
    expect(macMatches(macs, '654321')).toBe(false);
  });

  it('takes no other text for a MAC', () => {
    expect(macMatches(macs, 'web')).toBe(false);
    expect(macMatches(macs, '')).toBe(false);
    expect(macMatches(undefined, '52:54')).toBe(false);
  });
});

describe('rowMatches', () => {
  it('matches by name, host, IP, MAC or tag', () => {
    for (const q of ['web-1', 'h1', '124.10', '00:12:34', 'db', '']) expect(rowMatches(row(), q), q).toBe(true);
    expect(rowMatches(row(), 'nothing')).toBe(false);
  });

  it('a row without MACs (an older server) still matches by the rest', () => {
    expect(rowMatches(row({ macs: undefined }), 'web')).toBe(true);
    expect(rowMatches(row({ macs: undefined }), '52:54')).toBe(false);
  });
});
