import { apiRoute, queryObject, readObject, requireActor } from "@/lib/api/handler";
import { createTask } from "@/lib/tasks/commands";
import { listTasks } from "@/lib/tasks/queries";
import { parseTaskFilters } from "@/lib/tasks/rules";

type Params = { slug: string };

export const GET = apiRoute<Params>(async ({ actor, params, request }) => {
  const { tasks } = await listTasks({ actor: requireActor(actor), network: params.slug, filters: parseTaskFilters(queryObject(request)) });
  return { tasks };
});

export const POST = apiRoute<Params>(
  async ({ actor, params, request }) => ({ task: await createTask({ actor: requireActor(actor), input: { ...(await readObject(request)), network: params.slug } }) }),
  { status: 201 },
);
