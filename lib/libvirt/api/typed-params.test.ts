import { describe, expect, it } from 'vitest';
import { paramsToRecord } from './typed-params';
import { decTypedParam } from '../protocol/remote.gen';
import { XdrReader } from '../xdr';
import { be32, be64, cat, f64, str } from '../test-support/bytes';

describe('paramsToRecord', () => {
  it('maps every typed-parameter kind to a plain value', () => {
    expect(
      paramsToRecord([
        { field: 'int', value: { type: 1, i: -3 } },
        { field: 'uint', value: { type: 2, ui: 4000000000 } },
        { field: 'llong', value: { type: 3, l: -(2n ** 62n) } },
        { field: 'cpu.time', value: { type: 4, ul: 2n ** 64n - 1n } },
        { field: 'double', value: { type: 5, d: 1.25 } },
        { field: 'on', value: { type: 6, b: 1 } },
        { field: 'off', value: { type: 6, b: 0 } },
        { field: 'block.0.name', value: { type: 7, s: 'vda' } },
      ]),
    ).toEqual({
      int: -3,
      uint: 4000000000,
      llong: -(2n ** 62n),
      'cpu.time': 2n ** 64n - 1n,
      double: 1.25,
      on: true,
      off: false,
      'block.0.name': 'vda',
    });
  });

  it('keeps 64-bit counters exact (bigint, not a rounded number)', () => {
    const r = paramsToRecord([{ field: 'net.0.rx.bytes', value: { type: 4, ul: 9007199254740993n } }]);
    expect(r['net.0.rx.bytes']).toBe(9007199254740993n);
  });

  it('works on parameters decoded from hand-built bytes; a later duplicate wins', () => {
    const bytes = cat(
      str('state.state'),
      be32(1),
      be32(1),
      str('balloon.current'),
      be32(4),
      be64(1048576n),
      str('load'),
      be32(5),
      f64(0.75),
      str('state.state'),
      be32(1),
      be32(5),
    );
    const r = new XdrReader(bytes);
    const params = [decTypedParam(r), decTypedParam(r), decTypedParam(r), decTypedParam(r)];
    r.assertDone();
    expect(paramsToRecord(params)).toEqual({ 'state.state': 5, 'balloon.current': 1048576n, load: 0.75 });
  });

  it('an empty list is an empty record', () => {
    expect(paramsToRecord([])).toEqual({});
  });
});
