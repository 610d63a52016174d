import { database } from "@/db/client";

export const dynamic = "force-dynamic";

/** App and database status for load balancers and monitoring: 200 when both are fine, else 503. */
export async function GET(): Promise<Response> {
  const started = performance.now();
  let db: { status: "ok" | "error"; kind?: string; latencyMs?: number; error?: string };
  try {
    const handle = await database();
    await handle.ping();
    db = { status: "ok", kind: handle.kind, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    db = { status: "error", error: error instanceof Error ? error.message : String(error) };
  }
  const ok = db.status === "ok";
  return Response.json(
    { status: ok ? "ok" : "degraded", app: { status: "ok", uptimeSeconds: Math.round(process.uptime()) }, database: db },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
