// Kept apart from the XML model so browser code can import the list without pulling in the XML library.

/** Pool types the form can build; the host's libvirt may support more (listed, but not offered). */
export const POOL_TYPES = ['dir', 'fs', 'netfs', 'logical'] as const;
export type PoolType = (typeof POOL_TYPES)[number];
