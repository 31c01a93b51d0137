import type { DomainRef, NetworkRef, PoolRef } from '../api/refs';

/** Typed events Vireo subscribes to; names are what `client.events.on(name, ...)` takes. */
export interface LibvirtEventMap {
  /** event: DomainEventType (DEFINED, STARTED, STOPPED, ...); detail: the matching *DetailType. */
  'domain-lifecycle': { dom: DomainRef; event: number; detail: number };
  'domain-reboot': { dom: DomainRef };
  'domain-device-added': { dom: DomainRef; devAlias: string };
  'domain-device-removed': { dom: DomainRef; devAlias: string };
  /** type: DomainMetadataType; nsuri: the namespace of a changed ELEMENT (null for title and description). */
  'domain-metadata-change': { dom: DomainRef; type: number; nsuri: string | null };
  /** event: NetworkEventLifecycleType. */
  'network-lifecycle': { net: NetworkRef; event: number; detail: number };
  /** event: StoragePoolEventLifecycleType. */
  'pool-lifecycle': { pool: PoolRef; event: number; detail: number };
}

export type LibvirtEventName = keyof LibvirtEventMap;
export const EVENT_NAMES: readonly LibvirtEventName[] = [
  'domain-lifecycle',
  'domain-reboot',
  'domain-device-added',
  'domain-device-removed',
  'domain-metadata-change',
  'network-lifecycle',
  'pool-lifecycle',
];
