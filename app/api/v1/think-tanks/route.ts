import { apiRoute, queryObject, readObject, requireActor } from "@/lib/api/handler";
import { createThinkTank } from "@/lib/think-tanks/commands";
import { listThinkTanks } from "@/lib/think-tanks/queries";

export const GET = apiRoute(async ({ actor, request }) => {
  const { thinkTanks } = await listThinkTanks(requireActor(actor), queryObject(request));
  return { thinkTanks };
});

export const POST = apiRoute(async ({ actor, request }) => ({ thinkTank: await createThinkTank({ actor: requireActor(actor), input: await readObject(request) }) }), {
  status: 201,
});
