import { z } from 'zod';
import { hostIdSchema } from './input';

/** The `{host}` of /api/hosts/{host}/...; the route seam turns it into the host's context. */
export const hostParams = z.object({ host: hostIdSchema });
