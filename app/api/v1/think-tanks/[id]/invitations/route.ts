import { apiRoute, readObject, requireActor } from "@/lib/api/handler";
import { inviteToThinkTank } from "@/lib/participants/commands";

type Params = { id: string };

/** The token goes out by e-mail only; the caller gets the invitation's id. */
export const POST = apiRoute<Params>(
  async ({ actor, params, request }) => {
    const { invitationId } = await inviteToThinkTank({ actor: requireActor(actor), input: { ...(await readObject(request)), thinkTankId: params.id } });
    return { invitationId };
  },
  { status: 201 },
);
