import { apiRoute, readObject, requireActor } from "@/lib/api/handler";
import { runPhase } from "@/lib/phases/commands";

type Params = { id: string; phaseId: string };

/** Change a phase: `{ action: "start" | "pause" | "complete" | "reopen", notify? }`. */
export const POST = apiRoute<Params>(async ({ actor, params, request }) => ({
  phase: await runPhase({ actor: requireActor(actor), input: { ...(await readObject(request)), thinkTankId: params.id, phaseId: params.phaseId } }),
}));
