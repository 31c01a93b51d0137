import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { attachmentHeader, ByteLimit } from './transfer';

const sink = () => new Writable({ write: (_c, _e, done) => done() });

describe('ByteLimit', () => {
  it('passes up to the limit and counts', async () => {
    const limit = new ByteLimit(6);
    await pipeline(Readable.from([Buffer.from('abc'), Buffer.from('def')]), limit, sink());
    expect(limit.seen).toBe(6);
  });

  it('fails the pipeline as soon as the declared size is passed', async () => {
    await expect(pipeline(Readable.from([Buffer.from('abcd'), Buffer.from('ef')]), new ByteLimit(5), sink())).rejects.toThrow(/more than the declared 5 bytes/);
  });
});

describe('attachmentHeader', () => {
  it('quotes safely', () => {
    expect(attachmentHeader('disk.qcow2')).toBe(`attachment; filename="disk.qcow2"; filename*=UTF-8''disk.qcow2`);
    expect(attachmentHeader('a"b')).toBe(`attachment; filename="a_b"; filename*=UTF-8''a%22b`);
  });
});
