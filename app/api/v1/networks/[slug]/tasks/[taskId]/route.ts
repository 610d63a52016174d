import { apiRoute, readObject, requireActor } from "@/lib/api/handler";
import { deleteTask, updateTask } from "@/lib/tasks/commands";
import { getTaskDetail } from "@/lib/tasks/queries";

type Params = { slug: string; taskId: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => {
  const { task, comments } = await getTaskDetail({ actor: requireActor(actor), network: params.slug, taskId: params.taskId });
  return { task, comments };
});

export const PATCH = apiRoute<Params>(async ({ actor, params, request }) => ({
  task: await updateTask({ actor: requireActor(actor), input: { ...(await readObject(request)), network: params.slug, taskId: params.taskId } }),
}));

export const DELETE = apiRoute<Params>(async ({ actor, params }) => {
  await deleteTask({ actor: requireActor(actor), input: { network: params.slug, taskId: params.taskId } });
});
