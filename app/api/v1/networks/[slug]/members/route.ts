import { apiRoute, readObject, requireActor } from "@/lib/api/handler";
import { inviteMember } from "@/lib/memberships/commands";
import { membersPage } from "@/lib/memberships/queries";

type Params = { slug: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => {
  const page = await membersPage(requireActor(actor), params.slug);
  return { members: page.members };
});

/** Sends the invitation e-mail; the single-use link travels only by mail, never in this response. */
export const POST = apiRoute<Params>(
  async ({ actor, params, request }) => {
    const { invitationId } = await inviteMember({ actor: requireActor(actor), input: { ...(await readObject(request)), network: params.slug } });
    return { invitationId };
  },
  { status: 201 },
);
