import { apiRoute, requireActor } from "@/lib/api/handler";
import { supportProblem, withdrawSupport } from "@/lib/problems/commands";

type Params = { slug: string; problemId: string };

/** "+1" is idempotent: PUT adds the caller's support, DELETE withdraws it. */
export const PUT = apiRoute<Params>(async ({ actor, params }) =>
  supportProblem({ actor: requireActor(actor), input: { network: params.slug, problemId: params.problemId } }),
);

export const DELETE = apiRoute<Params>(async ({ actor, params }) =>
  withdrawSupport({ actor: requireActor(actor), input: { network: params.slug, problemId: params.problemId } }),
);
