import { z } from "zod";

/**
 * Builds the OpenAPI document of /api/v1 from the endpoint catalogue (lib/api/catalogue.ts), with
 * request schemas taken from the same zod schemas the commands validate with.
 */
export type Endpoint = {
  method: "get" | "post" | "patch" | "put" | "delete";
  /** OpenAPI path template, e.g. /networks/{slug}/tasks */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** "public" endpoints answer without authentication. */
  auth: "public" | "required";
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Success status and a short description of the body. */
  success: { status: number; description: string };
  /** Error codes this endpoint can answer with besides invalid_input/unauthenticated/internal. */
  errors?: Array<"forbidden" | "not_found" | "conflict" | "too_many_attempts" | "network_not_active" | "last_coordinator" | "think_tank_not_open">;
};

const statusOf: Record<string, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  network_not_active: 409,
  last_coordinator: 409,
  think_tank_not_open: 409,
  too_many_attempts: 429,
};

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "openapi-3.0" }) as Record<string, unknown>;
}

export function openApiDocument(endpoints: readonly Endpoint[], baseUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of endpoints) {
    const pathParams = [...e.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
    const queryParams = e.query
      ? Object.entries(e.query.shape).map(([name, schema]) => ({
          name,
          in: "query",
          required: !(schema as z.ZodType).safeParse(undefined).success,
          schema: jsonSchema(schema as z.ZodType),
        }))
      : [];
    const errorCodes = ["invalid_input", ...(e.auth === "required" ? ["unauthenticated"] : []), ...(e.errors ?? [])];
    const responses: Record<string, unknown> = {
      [String(e.success.status)]: { description: e.success.description },
    };
    for (const code of errorCodes) {
      const status = String(statusOf[code]);
      const existing = responses[status] as { description: string } | undefined;
      responses[status] = {
        description: existing ? `${existing.description}, ${code}` : code,
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      };
    }
    (paths[e.path] ??= {})[e.method] = {
      tags: [e.tag],
      summary: e.summary,
      ...(e.description ? { description: e.description } : {}),
      ...(e.auth === "required" ? { security: [{ bearerAuth: [] }, { sessionCookie: [] }] } : { security: [] }),
      parameters: [...pathParams, ...queryParams],
      ...(e.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(e.body) } } } } : {}),
      responses,
    };
  }
  return {
    openapi: "3.0.3",
    info: {
      title: "Netzwerkstatt API",
      version: "1",
      description:
        "The JSON API runs over the same commands as the web UI. Authenticate with a personal API token (profile page) as `Authorization: Bearer nzw_…`, or with the session cookie (same-origin requests only for writes).",
    },
    servers: [{ url: `${baseUrl}/api/v1` }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string" },
                message: { type: "string" },
                fields: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
              },
            },
          },
        },
      },
    },
  };
}
