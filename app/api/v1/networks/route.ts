import { apiRoute, readObject, requireActor } from "@/lib/api/handler";
import { createNetwork } from "@/lib/networks/commands";
import { listWorkspaceNetworks } from "@/lib/networks/queries";

export const GET = apiRoute(async ({ actor }) => ({ networks: await listWorkspaceNetworks(requireActor(actor)) }));

export const POST = apiRoute(async ({ actor, request }) => ({ network: await createNetwork({ actor: requireActor(actor), input: await readObject(request) }) }), {
  status: 201,
});
