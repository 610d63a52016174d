import { apiRoute, readObject, requireActor } from "@/lib/api/handler";
import { changeProblemStatus } from "@/lib/problems/commands";

type Params = { slug: string; problemId: string };

export const POST = apiRoute<Params>(async ({ actor, params, request }) =>
  changeProblemStatus({ actor: requireActor(actor), input: { ...(await readObject(request)), network: params.slug, problemId: params.problemId } }),
);
