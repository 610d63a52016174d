import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiEndpoints } from "@/lib/api/catalogue";
import { openApiDocument } from "@/lib/api/openapi";

const root = path.resolve(__dirname, "../../app/api/v1");

/** Every route.ts under app/api/v1 with its exported HTTP methods, as OpenAPI paths. */
function routeFiles(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const rel = path.relative(root, dir).split(path.sep).join("/");
        const apiPath = `/${rel}`.replace(/\[(\w+)\]/g, "{$1}");
        const source = fs.readFileSync(full, "utf8");
        const methods = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!.toLowerCase());
        found.set(apiPath, new Set(methods));
      }
    }
  };
  walk(root);
  return found;
}

describe("API catalogue", () => {
  const routes = routeFiles();
  // The document itself is the only route that is not an endpoint of the API.
  routes.delete("/openapi.json");

  it("documents every route handler", () => {
    for (const [apiPath, methods] of routes) {
      for (const method of methods) {
        expect(apiEndpoints.some((e) => e.path === apiPath && e.method === method), `${method.toUpperCase()} ${apiPath} is not in lib/api/catalogue.ts`).toBe(true);
      }
    }
  });

  it("has a route handler for every documented endpoint", () => {
    for (const e of apiEndpoints) {
      expect(routes.get(e.path)?.has(e.method), `${e.method.toUpperCase()} ${e.path} has no route handler`).toBe(true);
    }
  });

  it("builds an OpenAPI 3 document with request schemas from the zod schemas", () => {
    const doc = openApiDocument(apiEndpoints, "http://localhost:3000");
    expect(doc.openapi).toBe("3.0.3");
    const createTask = (doc.paths["/networks/{slug}/tasks"] as Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } }>).post;
    const properties = createTask?.requestBody?.content["application/json"]?.schema.properties ?? {};
    expect(Object.keys(properties)).toEqual(expect.arrayContaining(["title", "description", "status", "assigneeId", "dueDate", "labels"]));
    expect(properties).not.toHaveProperty("network");
  });
});
