import { apiRoute, requireActor } from "@/lib/api/handler";
import { getThinkTankForApi } from "@/lib/think-tanks/queries";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => getThinkTankForApi(requireActor(actor), params.id));
