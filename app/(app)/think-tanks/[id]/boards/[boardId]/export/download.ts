import "server-only";
import { currentUser } from "@/lib/auth/session";
import { boardToCsv, boardToMarkdown, exportFileName } from "@/lib/boards/export";
import { boardForPage, boardSnapshot } from "@/lib/boards/queries";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { exportLabels } from "./labels";

/**
 * Markdown or CSV of a board, built from the snapshot the reader may see (so an anonymous board's
 * export carries no author). Whoever may not see the board gets 404, like the board page.
 */
export async function boardDownload(request: Request, params: Promise<{ id: string; boardId: string }>, format: "markdown" | "csv"): Promise<Response> {
  try {
    const { id, boardId } = await params;
    const actor = await currentUser();
    if (!actor) throw new AppError("unauthenticated");
    const [page, snapshot, labels] = await Promise.all([boardForPage(actor, boardId), boardSnapshot(actor, boardId), exportLabels()]);
    if (page.thinkTankId !== id) throw new AppError("not_found", "Board not found");
    const body = format === "markdown" ? boardToMarkdown(snapshot, labels) : `\uFEFF${boardToCsv(snapshot, labels)}`;
    const name = exportFileName(snapshot.board.title, format === "markdown" ? "md" : "csv");
    return new Response(body, {
      headers: {
        "content-type": format === "markdown" ? "text/markdown; charset=utf-8" : "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error, request);
  }
}
