import { apiEndpoints } from "@/lib/api/catalogue";
import { openApiDocument } from "@/lib/api/openapi";
import { appUrl } from "@/lib/env";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json(openApiDocument(apiEndpoints, appUrl()), { headers: { "cache-control": "no-store" } });
}
