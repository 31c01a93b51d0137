import 'server-only';
import { loadSettings } from '@/lib/config/settings';
import { ConflictError } from '@/lib/errors';
import { allHosts, type HostContext } from '@/lib/hosts';
import { inventory } from '@/lib/vms/inventory';
import { candidateOf } from './facts';
import { antiAffinityConflicts, judgeHost, placeVm } from './place';
import type { Placement, PlacementPolicy, PlacementRequest } from './types';

// Placement across Vireo's hosts: every host's facts read side by side (each bounded in time), then judged by the
// pure rules of place.ts under the admin's policy.

export function placementPolicy(): PlacementPolicy {
  return loadSettings().placement;
}

/** Every host judged for the request, best first, with the pick and why. */
export async function placeAcrossHosts(req: PlacementRequest, hosts?: readonly HostContext[]): Promise<Placement> {
  const candidates = await Promise.all((hosts ?? (await allHosts())).map((h) => candidateOf(h)));
  return placeVm(req, candidates, placementPolicy());
}

/**
 * Refuses (409, each reason listed) a VM that breaks the placement rules on the host it was asked for: the same
 * verdict the wizard shows beside the host.
 */
export async function refuseMisplacement(host: HostContext, req: PlacementRequest): Promise<void> {
  const verdict = judgeHost(req, await candidateOf(host), placementPolicy());
  if (verdict.fits) return;
  throw new ConflictError(`The VM cannot go on ${host.name}: ${verdict.reasons.join('; ')}.`, {
    code: 'PLACEMENT_REFUSED',
    fields: { host: verdict.reasons.join('; ') },
    details: { reasons: verdict.reasons },
  });
}

/**
 * Refuses (409, on the tags field) `what` carrying `tags` on `host` when another VM there already carries one of
 * them that is anti-affine: tagging an existing VM and cloning keep the rule new VMs keep. For a VM of the host
 * (`self`, its UUID) only the tags it gains count: one tagged before the rule was set can still be edited.
 */
export async function refuseAntiAffineTags(host: HostContext, tags: readonly string[], what: string, self?: string): Promise<void> {
  const policy = placementPolicy();
  if (!tags.some((t) => policy.antiAffinityTags.includes(t))) return;
  const rows = await inventory(host).list();
  const has = rows.find((r) => r.uuid === self)?.tags ?? [];
  const others = rows.filter((r) => r.uuid !== self).map((r) => ({ name: r.name, tags: r.tags ?? [] }));
  const conflicts = antiAffinityConflicts(
    tags.filter((t) => !has.includes(t)),
    others,
    policy,
  );
  if (!conflicts.length) return;
  throw new ConflictError(`${what} cannot carry these tags on ${host.name}: it ${conflicts.join('; ')}.`, {
    code: 'PLACEMENT_REFUSED',
    fields: { tags: `${host.name} ${conflicts.join('; ')}.` },
    details: { reasons: conflicts },
  });
}
