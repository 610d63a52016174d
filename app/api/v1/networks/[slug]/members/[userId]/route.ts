import { apiRoute, readObject, requireActor } from "@/lib/api/handler";
import { changeMemberRole, removeMember } from "@/lib/memberships/commands";

type Params = { slug: string; userId: string };

export const PATCH = apiRoute<Params>(async ({ actor, params, request }) =>
  changeMemberRole({ actor: requireActor(actor), input: { ...(await readObject(request)), network: params.slug, userId: params.userId } }),
);

/** Removing the last coordinator needs `?successorId=` (409 last_coordinator otherwise). */
export const DELETE = apiRoute<Params>(async ({ actor, params, request }) => {
  const successorId = request.nextUrl.searchParams.get("successorId") ?? undefined;
  await removeMember({ actor: requireActor(actor), input: { network: params.slug, userId: params.userId, successorId } });
});
