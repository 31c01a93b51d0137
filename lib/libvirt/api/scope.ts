import { DomainModificationImpact } from '../protocol/constants.gen';

/**
 * Where a change applies: the running guest (`live`), its persistent definition (`config`), both, or whatever
 * libvirt considers current for the domain's state. The same bit values serve VIR_DOMAIN_VCPU_*,
 * VIR_DOMAIN_MEM_* and VIR_DOMAIN_DEVICE_MODIFY_*, which libvirt defines as aliases of these.
 */
export type Scope = 'live' | 'config' | 'both' | 'current';

export function scopeFlags(scope: Scope): number {
  switch (scope) {
    case 'current':
      return DomainModificationImpact.CURRENT;
    case 'live':
      return DomainModificationImpact.LIVE;
    case 'config':
      return DomainModificationImpact.CONFIG;
    case 'both':
      return DomainModificationImpact.LIVE | DomainModificationImpact.CONFIG;
  }
}
