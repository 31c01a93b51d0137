import { vmInPath } from '@/lib/http/audit';
import { defineRoute } from '@/lib/http/route';
import { deletePoint } from '@/lib/backups/prune';
import { pointParams } from '@/lib/backups/schemas';

export const DELETE = defineRoute({
  summary: 'Delete a backup point and its volumes (refused while a later point builds on it)',
  access: 'backup.manage',
  params: pointParams,
  audit: { action: 'vm.backup.delete', ...vmInPath, detail: (i) => ({ point: i.params.point }) },
  run: async ({ host, params }) => {
    await deletePoint(host, params.point);
    return { deleted: params.point };
  },
});
