import 'server-only';
import { loadSettings } from '@/lib/config/settings';
import { ConflictError } from '@/lib/errors';
import { allHosts, type HostContext } from '@/lib/hosts';
import { candidateOf } from './facts';
import { judgeHost, placeVm } from './place';
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
