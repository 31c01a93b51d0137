import { defineRoute } from '@/lib/http/route';
import { removeDisk, updateDisk } from '@/lib/hardware/disks';
import { diskParams, diskUpdateSchema, scopeQuerySchema } from '@/lib/hardware/schemas';
import { hardwareAudit } from '../../audit';

export const PATCH = defineRoute({
  summary: "Change a disk's size, cache, discard, I/O, read-only or shareable settings",
  access: 'vm.edit',
  params: diskParams,
  body: diskUpdateSchema,
  audit: hardwareAudit('vm.hardware.disk.update', (i) => ({ target: i.params.target })),
  run: ({ host, params, body }) => updateDisk(host, params.name, params.target, body),
});

/** Removes a disk or CD-ROM drive from the VM (the volume or file itself is kept). */
export const DELETE = defineRoute({
  summary: 'Remove a disk or CD-ROM drive (the volume or file is kept)',
  access: 'vm.edit',
  params: diskParams,
  query: scopeQuerySchema,
  audit: hardwareAudit('vm.hardware.disk.remove', (i) => ({ target: i.params.target, ...i.query })),
  run: ({ host, params, query }) => removeDisk(host, params.name, params.target, query),
});
