import { apiRoute, readObject, requireActor } from "@/lib/api/handler";
import { concludeThinkTank } from "@/lib/outcomes/commands";

type Params = { id: string };

export const POST = apiRoute<Params>(async ({ actor, params, request }) =>
  concludeThinkTank({ actor: requireActor(actor), input: { ...(await readObject(request)), thinkTankId: params.id } }),
);
