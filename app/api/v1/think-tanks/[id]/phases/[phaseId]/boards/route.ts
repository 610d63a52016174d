import { apiRoute, readObject, requireActor } from "@/lib/api/handler";
import { addBoardToPhase } from "@/lib/phases/commands";

type Params = { id: string; phaseId: string };

/** Add a board to a phase: `{ template, title?, anonymous?, locale? }`. */
export const POST = apiRoute<Params>(
  async ({ actor, params, request }) => ({
    board: await addBoardToPhase({ actor: requireActor(actor), input: { ...(await readObject(request)), thinkTankId: params.id, phaseId: params.phaseId } }),
  }),
  { status: 201 },
);
