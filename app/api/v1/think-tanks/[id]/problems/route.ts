import { apiRoute, readObject, requireActor } from "@/lib/api/handler";
import { attachProblems } from "@/lib/think-tanks/commands";

type Params = { id: string };

/** Escalate problems into this (existing) think-tank. */
export const POST = apiRoute<Params>(async ({ actor, params, request }) => {
  const result = await attachProblems({ actor: requireActor(actor), input: { ...(await readObject(request)), thinkTankId: params.id } });
  return { thinkTankId: result.thinkTank.id, problems: result.problems };
});
