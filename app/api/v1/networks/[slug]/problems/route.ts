import { apiRoute, queryObject, readObject, requireActor } from "@/lib/api/handler";
import { logProblem } from "@/lib/problems/commands";
import { listProblems } from "@/lib/problems/queries";

type Params = { slug: string };

export const GET = apiRoute<Params>(async ({ actor, params, request }) => {
  const { problems } = await listProblems(requireActor(actor), params.slug, queryObject(request));
  return { problems };
});

export const POST = apiRoute<Params>(
  async ({ actor, params, request }) => ({ problem: await logProblem({ actor: requireActor(actor), input: { ...(await readObject(request)), network: params.slug } }) }),
  { status: 201 },
);
