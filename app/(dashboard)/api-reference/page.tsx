import { requirePageUser } from '@/app/_server/page-user';
import { ApiReference, type OpenApiDoc } from '@/components/api-reference/api-reference';
import { openApiDocument } from '../../api/openapi';

export const metadata = { title: 'API reference' };

export default async function ApiReferencePage() {
  await requirePageUser();
  // A plain JSON value from here on: the page renders what /api/openapi.json serves.
  const doc = JSON.parse(JSON.stringify(openApiDocument())) as OpenApiDoc;
  return <ApiReference doc={doc} />;
}
