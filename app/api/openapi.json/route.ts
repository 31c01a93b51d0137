import { openApiRoute } from '../openapi';

export const GET = openApiRoute;
