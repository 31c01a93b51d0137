import { requirePageUser } from '@/app/_server/page-user';
import { ApiReference, type OpenApiDoc } from '@/components/api-reference/api-reference';
import { buildOpenApi } from '@/lib/http/openapi';
import pkg from '@/package.json';
import { allRoutes } from '../../api/routes';

export const metadata = { title: 'API reference' };

export default async function ApiReferencePage() {
  await requirePageUser();
  // A plain JSON value from here on: the page renders what /api/openapi.json serves.
  const doc = JSON.parse(JSON.stringify(buildOpenApi(allRoutes(), { version: pkg.version }))) as OpenApiDoc;
  return <ApiReference doc={doc} />;
}
