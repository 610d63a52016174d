import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { orNotFound } from "@/components/workspace/page-guard";
import { requireUser } from "@/lib/auth/session";
import { boardForPage, boardSnapshot } from "@/lib/boards/queries";

/**
 * The board as the signed-in person may see it, once per request (metadata and page share it).
 * Whoever may not see it gets the 404 page; a board is only served under its own think-tank's URL.
 */
export const loadBoard = cache(async (id: string, boardId: string, suffix: "" | "/print" = "") => {
  const path = `/think-tanks/${encodeURIComponent(id)}/boards/${encodeURIComponent(boardId)}`;
  const user = await requireUser(`${path}${suffix}`);
  const [page, snapshot] = await orNotFound(Promise.all([boardForPage(user, boardId), boardSnapshot(user, boardId)]), `${path}${suffix}`);
  if (page.thinkTankId !== id) notFound();
  return { path, page, snapshot };
});
