import { describe, expect, it } from 'vitest';
import { XdrError, XdrReader, XdrWriter } from '../xdr';
import {
  decConnectListAllDomainsRet,
  decNodeGetInfoRet,
  decRemoteError,
  decTypedParam,
  decTypedParamValue,
  encConnectListAllDomainsRet,
  encNodeGetInfoRet,
  encRemoteError,
  encTypedParam,
  encTypedParamValue,
  type RemoteError,
  type TypedParamValue,
} from './remote.gen';
import { be32, be64, cat, f64, opt, str } from '../test-support/bytes';

function written<T>(enc: (w: XdrWriter, v: T) => void, v: T): Buffer {
  const w = new XdrWriter(8);
  enc(w, v);
  return w.toBuffer();
}

function decoded<T>(dec: (r: XdrReader) => T, bytes: Buffer): T {
  const r = new XdrReader(bytes);
  const v = dec(r);
  r.assertDone();
  return v;
}

const UUID = Buffer.from('0123456789abcdef0123456789abcdef', 'hex');

describe('remote_typed_param_value', () => {
  const arms: Array<[string, TypedParamValue, Buffer]> = [
    ['int', { type: 1, i: -7 }, cat(be32(1), be32(-7))],
    ['uint', { type: 2, ui: 0xffffffff }, cat(be32(2), be32(0xffffffff))],
    ['llong', { type: 3, l: -(2n ** 63n) }, cat(be32(3), be64(-(2n ** 63n)))],
    ['ullong', { type: 4, ul: 2n ** 64n - 1n }, cat(be32(4), be64(2n ** 64n - 1n))],
    ['double', { type: 5, d: 0.25 }, cat(be32(5), f64(0.25))],
    ['boolean', { type: 6, b: 1 }, cat(be32(6), be32(1))],
    ['string', { type: 7, s: 'vda' }, cat(be32(7), str('vda'))],
  ];
  it.each(arms)('arm %s matches hand-built bytes both ways', (_name, value, bytes) => {
    expect(written(encTypedParamValue, value)).toEqual(bytes);
    expect(decoded(decTypedParamValue, bytes)).toEqual(value);
  });
  it('an unknown discriminant is an XdrError both ways', () => {
    expect(() => decTypedParamValue(new XdrReader(cat(be32(8), be32(0))))).toThrow(XdrError);
    expect(() => decTypedParamValue(new XdrReader(cat(be32(0), be32(0))))).toThrow(XdrError);
    expect(() => written(encTypedParamValue, { type: 9, i: 1 } as unknown as TypedParamValue)).toThrow(XdrError);
  });
  it('a whole typed parameter is the field name then the value', () => {
    const bytes = cat(str('cpu.time'), be32(4), be64(123456789012345n));
    const p = { field: 'cpu.time', value: { type: 4 as const, ul: 123456789012345n } };
    expect(written(encTypedParam, p)).toEqual(bytes);
    expect(decoded(decTypedParam, bytes)).toEqual(p);
  });
});

describe('generated structs from hand-built bytes', () => {
  it('remote_node_get_info_ret: char model[32] is 32 four-byte ints', () => {
    const model = [...Buffer.from('x86_64')].concat(Array(26).fill(0) as number[]);
    const bytes = cat(...model.map(be32), be64(16n * 1024n * 1024n), be32(8), be32(2400), be32(1), be32(1), be32(4), be32(2));
    expect(bytes.length).toBe(32 * 4 + 8 + 6 * 4);
    const info = decoded(decNodeGetInfoRet, bytes);
    expect(info).toEqual({ model, memory: 16777216n, cpus: 8, mhz: 2400, nodes: 1, sockets: 1, cores: 4, threads: 2 });
    expect(Buffer.from(info.model.filter((c) => c !== 0)).toString()).toBe('x86_64');
    expect(written(encNodeGetInfoRet, info)).toEqual(bytes);
  });

  it('remote_node_get_info_ret refuses a short model', () => {
    expect(() => decNodeGetInfoRet(new XdrReader(cat(...Array.from({ length: 31 }, () => be32(0)))))).toThrow(XdrError);
  });

  it('remote_error with optional fields present and absent', () => {
    const bytes = cat(
      be32(42),
      be32(10),
      opt(str("Domain not found: no domain with matching name 'x'")),
      be32(2),
      opt(cat(str('x'), UUID, be32(-1))), // dom
      opt(str('x')),
      opt(null),
      opt(null), // str1..str3
      be32(0),
      be32(-5), // int1, int2
      opt(null), // net
    );
    const e = decoded(decRemoteError, bytes);
    expect(e).toEqual({
      code: 42,
      domain: 10,
      message: "Domain not found: no domain with matching name 'x'",
      level: 2,
      dom: { name: 'x', uuid: UUID, id: -1 },
      str1: 'x',
      str2: null,
      str3: null,
      int1: 0,
      int2: -5,
      net: null,
    } satisfies RemoteError);
    expect(written(encRemoteError, e)).toEqual(bytes);
  });

  it('remote_error with everything absent', () => {
    const bytes = cat(be32(1), be32(0), opt(null), be32(2), opt(null), opt(null), opt(null), opt(null), be32(0), be32(0), opt(null));
    expect(decoded(decRemoteError, bytes)).toMatchObject({ code: 1, message: null, dom: null, net: null });
  });

  it('remote_connect_list_all_domains_ret', () => {
    const uuid2 = Buffer.alloc(16, 0xab);
    const bytes = cat(be32(2), str('alpha'), UUID, be32(3), str('beta-vm'), uuid2, be32(-1), be32(2));
    const ret = decoded(decConnectListAllDomainsRet, bytes);
    expect(ret).toEqual({
      domains: [
        { name: 'alpha', uuid: UUID, id: 3 },
        { name: 'beta-vm', uuid: uuid2, id: -1 },
      ],
      ret: 2,
    });
    expect(written(encConnectListAllDomainsRet, ret)).toEqual(bytes);
  });

  it('rejects a domain list longer than REMOTE_DOMAIN_LIST_MAX', () => {
    expect(() => decConnectListAllDomainsRet(new XdrReader(cat(be32(16385), Buffer.alloc(16385 * 4 * 7))))).toThrow(/limit/);
  });

  it('rejects a truncated uuid', () => {
    expect(() => decConnectListAllDomainsRet(new XdrReader(cat(be32(1), str('a'), UUID.subarray(0, 12))))).toThrow(XdrError);
  });
});
