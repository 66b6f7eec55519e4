// GET /api/openapi.json: the OpenAPI 3.1 document, generated from the zod schemas.
import { openApiDocument } from "@/lib/api-docs/openapi";

export const dynamic = "force-static";

export function GET() {
  return Response.json(openApiDocument());
}
