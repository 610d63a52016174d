import { apiRoute, requireActor } from "@/lib/api/handler";
import { getProblem } from "@/lib/problems/queries";

type Params = { slug: string; problemId: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => getProblem(requireActor(actor), params.slug, params.problemId));
