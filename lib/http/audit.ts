// Most changes are recorded against the object their path names: a VM or a network by its `name`, a volume by its
// pool and name, a job by its `id`. These are the objectType/objectName halves of such audit specs, spread into a
// route's `audit` beside its own action (and detail).

type NamedInPath = { params: { name: string } };
type VolumeInPath = { params: { pool: string; volume: string } };
type JobInPath = { params: { id: string } };

function namedInPath(objectType: string) {
  return { objectType, objectName: (i: NamedInPath) => i.params.name };
}

/** The VM of …/vms/{name}/…. */
export const vmInPath = namedInPath('vm');
/** The network of …/networks/{name}/…. */
export const networkInPath = namedInPath('network');
/** The volume of …/pools/{pool}/volumes/{volume}/…, as pool/volume. */
export const volumeInPath = { objectType: 'volume', objectName: (i: VolumeInPath) => `${i.params.pool}/${i.params.volume}` };
/** The job of /api/jobs/{id}/…; its id is the detail too. */
export const jobInPath = { objectType: 'job', objectName: (i: JobInPath) => i.params.id, detail: (i: JobInPath) => ({ jobId: i.params.id }) };
