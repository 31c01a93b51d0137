import { DomainEventID, NetworkEventID, StoragePoolEventID } from '../protocol/constants.gen';
import { Proc, messageDecoders, type MessageTypes, type RemoteProcedures } from '../protocol/remote.gen';
import { fromWireDomain, fromWireNetwork, fromWirePool } from '../api/refs';
import type { LibvirtEventMap, LibvirtEventName } from './types';

/** How one event name is registered with the daemon and how its messages become typed events. */
interface Registration<N extends LibvirtEventName> {
  msgProc: keyof MessageTypes;
  register(remote: RemoteProcedures): Promise<number>;
  /** callbackID and the typed event from a decoded message. */
  convert(msg: never): { callbackID: number; event: LibvirtEventMap[N] };
}

const domain = (eventID: number) => ({
  register: async (r: RemoteProcedures) => (await r.connectDomainEventCallbackRegisterAny({ eventID, dom: null })).callbackID,
});

/** A lifecycle message as a typed event: the object it is about, what happened to it (event) and why (detail). */
const lifecycle = <O>(callbackID: number, object: O, m: { event: number; detail: number }) => ({
  callbackID,
  event: { ...object, event: m.event, detail: m.detail },
});

export const registrations: { [N in LibvirtEventName]: Registration<N> } = {
  'domain-lifecycle': {
    ...domain(DomainEventID.LIFECYCLE),
    msgProc: Proc.DOMAIN_EVENT_CALLBACK_LIFECYCLE,
    convert: (m: MessageTypes[318]) => lifecycle(m.callbackID, { dom: fromWireDomain(m.msg.dom) }, m.msg),
  },
  'domain-reboot': {
    ...domain(DomainEventID.REBOOT),
    msgProc: Proc.DOMAIN_EVENT_CALLBACK_REBOOT,
    convert: (m: MessageTypes[319]) => ({ callbackID: m.callbackID, event: { dom: fromWireDomain(m.msg.dom) } }),
  },
  'domain-device-added': {
    ...domain(DomainEventID.DEVICE_ADDED),
    msgProc: Proc.DOMAIN_EVENT_CALLBACK_DEVICE_ADDED,
    convert: (m: MessageTypes[354]) => ({ callbackID: m.callbackID, event: { dom: fromWireDomain(m.dom), devAlias: m.devAlias } }),
  },
  'domain-device-removed': {
    ...domain(DomainEventID.DEVICE_REMOVED),
    msgProc: Proc.DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED,
    convert: (m: MessageTypes[333]) => ({
      callbackID: m.callbackID,
      event: { dom: fromWireDomain(m.msg.dom), devAlias: m.msg.devAlias },
    }),
  },
  'domain-metadata-change': {
    ...domain(DomainEventID.METADATA_CHANGE),
    msgProc: Proc.DOMAIN_EVENT_CALLBACK_METADATA_CHANGE,
    convert: (m: MessageTypes[379]) => ({
      callbackID: m.callbackID,
      event: { dom: fromWireDomain(m.dom), type: m.type, nsuri: m.nsuri },
    }),
  },
  'network-lifecycle': {
    register: async (r) => (await r.connectNetworkEventRegisterAny({ eventID: NetworkEventID.LIFECYCLE, net: null })).callbackID,
    msgProc: Proc.NETWORK_EVENT_LIFECYCLE,
    convert: (m: MessageTypes[315]) => lifecycle(m.callbackID, { net: fromWireNetwork(m.net) }, m),
  },
  'pool-lifecycle': {
    register: async (r) => (await r.connectStoragePoolEventRegisterAny({ eventID: StoragePoolEventID.LIFECYCLE, pool: null })).callbackID,
    msgProc: Proc.STORAGE_POOL_EVENT_LIFECYCLE,
    convert: (m: MessageTypes[370]) => lifecycle(m.callbackID, { pool: fromWirePool(m.pool) }, m),
  },
};

export { messageDecoders };
