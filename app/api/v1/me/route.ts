import { apiRoute } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { getProfile } from "@/lib/users/queries";

export const GET = apiRoute(async ({ actor }) => {
  if (!actor) throw new AppError("unauthenticated");
  return { user: await getProfile(actor) };
});
