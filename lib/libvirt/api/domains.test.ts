import { describe, expect, it } from 'vitest';
import { DomainApi } from './domains';
import { LibvirtError } from '../errors';
import { DomainEventID, DomainMetadataType, ErrorNumber } from '../protocol/constants.gen';
import {
  Proc,
  decDomainEventCallbackMetadataChangeMsg,
  encDomainGetMetadataArgs,
  encDomainSetMetadataArgs,
  type RemoteProcedures,
} from '../protocol/remote.gen';
import { registrations } from '../events/registrations';
import { XdrReader } from '../xdr';
import { be32, cat, opt, str } from '../test-support/bytes';
import { recordingProcedures, sampleDomain, sampleUuidBytes, wireHex } from '../test-support/recorder';

const dom = sampleDomain;
const uuidBytes = sampleUuidBytes;
const NS = 'https://vireo.dev/xmlns/tags/1';

function recorder(answer?: (proc: string) => unknown) {
  const { procedures, calls } = recordingProcedures(answer);
  return { api: new DomainApi(procedures), calls };
}

describe('DomainApi metadata', () => {
  it('puts an ELEMENT on the wire as remote_domain_set_metadata_args: domain, type, metadata, key, uri, flags', async () => {
    const { api, calls } = recorder();
    await api.setMetadata(dom, DomainMetadataType.ELEMENT, '<tags><tag>db</tag></tags>', 'both', { key: 'vireo-tags', uri: NS });
    expect(calls[0]!.proc).toBe('domainSetMetadata');
    // Hand-written: domain (name, uuid[16], id), int type, three optional strings, unsigned flags (LIVE 1 | CONFIG 2).
    const expected = cat(str('vm1'), uuidBytes, be32(3), be32(2), opt(str('<tags><tag>db</tag></tags>')), opt(str('vireo-tags')), opt(str(NS)), be32(3));
    expect(wireHex(encDomainSetMetadataArgs, calls[0]!.args)).toBe(expected.toString('hex'));
  });

  it('removes with absent metadata, key and uri for a title, scoped to the persistent definition', async () => {
    const { api, calls } = recorder();
    await api.setMetadata(dom, DomainMetadataType.TITLE, null, 'config');
    const expected = cat(str('vm1'), uuidBytes, be32(3), be32(1), opt(null), opt(null), opt(null), be32(2));
    expect(wireHex(encDomainSetMetadataArgs, calls[0]!.args)).toBe(expected.toString('hex'));
  });

  it('asks for an element by namespace, and reads "no such metadata" as null', async () => {
    const got = recorder(() => ({ metadata: '<tags/>' }));
    expect(await got.api.metadata(dom, DomainMetadataType.ELEMENT, 'current', NS)).toBe('<tags/>');
    const expected = cat(str('vm1'), uuidBytes, be32(3), be32(2), opt(str(NS)), be32(0));
    expect(wireHex(encDomainGetMetadataArgs, got.calls[0]!.args)).toBe(expected.toString('hex'));

    const none = recorder(() => {
      throw new LibvirtError({ code: ErrorNumber.ERR_NO_DOMAIN_METADATA, domain: 10, level: 2, message: 'metadata not found' });
    });
    expect(await none.api.metadata(dom, DomainMetadataType.ELEMENT, 'config', NS)).toBeNull();
    const other = recorder(() => {
      throw new LibvirtError({ code: ErrorNumber.ERR_NO_DOMAIN, domain: 10, level: 2, message: 'no domain' });
    });
    await expect(other.api.metadata(dom, DomainMetadataType.ELEMENT, 'config', NS)).rejects.toThrow('no domain');
  });

  it('asks whether a domain is persistent', async () => {
    const { api, calls } = recorder(() => ({ persistent: 0 }));
    expect(await api.isPersistent(dom)).toBe(false);
    expect(calls[0]!.proc).toBe('domainIsPersistent');
  });
});

describe('metadata-change event', () => {
  it('registers for METADATA_CHANGE and turns the message into the domain, type and namespace', async () => {
    const reg = registrations['domain-metadata-change'];
    expect(reg.msgProc).toBe(Proc.DOMAIN_EVENT_CALLBACK_METADATA_CHANGE);
    const asked: unknown[] = [];
    const remote = { connectDomainEventCallbackRegisterAny: (a: unknown) => (asked.push(a), Promise.resolve({ callbackID: 7 })) };
    expect(await reg.register(remote as unknown as RemoteProcedures)).toBe(7);
    expect(asked).toEqual([{ eventID: DomainEventID.METADATA_CHANGE, dom: null }]);
    // Hand-written message body: callbackID, domain, int type, optional nsuri.
    const body = cat(be32(7), str('vm1'), uuidBytes, be32(3), be32(2), opt(str(NS)));
    const r = new XdrReader(body);
    const msg = decDomainEventCallbackMetadataChangeMsg(r);
    r.assertDone();
    expect(reg.convert(msg as never)).toEqual({ callbackID: 7, event: { dom, type: 2, nsuri: NS } });
  });
});
