import { defineRoute } from '@/lib/http/route';
import { changeMedia } from '@/lib/hardware/cdrom';
import { cdromMediaSchema, diskParams } from '@/lib/hardware/schemas';
import { hardwareAudit } from '../../../audit';

export const PUT = defineRoute({
  summary: 'Insert or eject the media of a CD-ROM drive',
  access: 'vm.edit',
  params: diskParams,
  body: cdromMediaSchema,
  audit: hardwareAudit('vm.hardware.cdrom.media', (i) => ({ target: i.params.target })),
  run: ({ host, params, body }) => changeMedia(host, params.name, params.target, body),
});
