import { describe, expectTypeOf, it } from 'vitest';
import type { AuditRow } from '@/lib/audit/log';
import type { HostBridge, HostNic } from '@/lib/host/bridges';
import type { HostOverview } from '@/lib/host/overview';
import type { NetworkDetail, NetworkRow } from '@/lib/networks/read';
import type { WizardOptions } from '@/lib/provisioning/options';
import type { PoolRow } from '@/lib/storage/pools';
import type { VolumeRow } from '@/lib/storage/volumes';
import type { VmDefinition } from '@/lib/vms/definition';
import type { DeletePlan, DeleteResult } from '@/lib/vms/delete';
import type { InventoryChange, VmRow } from '@/lib/vms/inventory';
import type { LifecycleAction } from '@/lib/vms/lifecycle';
import type * as wire from './types';

// The browser declares the JSON it reads (types.ts) instead of importing the services' types. This file is only
// type-checked (tsc, and vitest's typecheck of expectTypeOf): it fails when a service's shape no longer fits what
// the components rely on. (DhcpLease and LibvirtStatus come from lib/libvirt and lib/connection, which nothing in
// components/ may import, not even here; their declarations mirror lib/libvirt/api/networks.ts and ClientState.)

describe('what the services answer fits what the browser reads', () => {
  it('VMs', () => {
    expectTypeOf<VmRow>().toExtend<wire.VmRow>();
    expectTypeOf<InventoryChange>().toExtend<wire.InventoryChange>();
    expectTypeOf<VmDefinition>().toExtend<wire.VmDefinition>();
    expectTypeOf<DeletePlan>().toExtend<wire.DeletePlan>();
    expectTypeOf<DeleteResult>().toExtend<wire.DeleteResult>();
    expectTypeOf<LifecycleAction>().toEqualTypeOf<wire.LifecycleAction>();
  });

  it('networks and storage', () => {
    expectTypeOf<NetworkRow>().toExtend<wire.NetworkRow>();
    expectTypeOf<NetworkDetail>().toExtend<wire.NetworkDetail>();
    expectTypeOf<HostBridge>().toExtend<wire.HostBridge>();
    expectTypeOf<HostNic>().toExtend<wire.HostNic>();
    expectTypeOf<PoolRow>().toExtend<wire.PoolRow>();
    expectTypeOf<VolumeRow>().toExtend<wire.VolumeRow>();
  });

  it('audit, host and the wizard', () => {
    expectTypeOf<AuditRow>().toExtend<wire.AuditRow>();
    expectTypeOf<HostOverview>().toExtend<wire.HostOverview>();
    expectTypeOf<WizardOptions>().toExtend<wire.WizardOptions>();
  });
});
