import type { NextRequest } from "next/server";
import { getLocale } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { isLocale } from "@/lib/i18n/locale";
import { errorResponse } from "@/lib/http";
import { outcomeMarkdown } from "@/lib/outcomes/export";
import { getOutcomeReport } from "@/lib/outcomes/queries";
import { fileSlug } from "@/lib/outcomes/rules";

/** The think-tank's outcome as a Markdown file (404 for whoever may not read the think-tank). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const report = await getOutcomeReport(await currentUser(), id);
    const locale = await getLocale();
    const text = outcomeMarkdown(report, isLocale(locale) ? locale : "de");
    return new Response(text, {
      headers: {
        "content-type": "text/markdown; charset=utf-8",
        "content-disposition": `attachment; filename="${fileSlug(report.thinkTank.title)}-ergebnis.md"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, request);
  }
}
