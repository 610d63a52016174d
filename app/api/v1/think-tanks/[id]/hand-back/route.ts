import { apiRoute, readObject, requireActor } from "@/lib/api/handler";
import { handBackOutcome } from "@/lib/outcomes/commands";

type Params = { id: string };

export const POST = apiRoute<Params>(
  async ({ actor, params, request }) => {
    const task = await handBackOutcome({ actor: requireActor(actor), input: { ...(await readObject(request)), thinkTankId: params.id } });
    return { task };
  },
  { status: 201 },
);
