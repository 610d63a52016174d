import type { NextRequest } from "next/server";
import { appUrl } from "@/lib/env";
import { errorResponse } from "@/lib/http";
import { localeCookie, resolveLocale } from "@/lib/i18n/locale";
import { directoryCsv, directoryJson } from "@/lib/networks/export";
import { listDirectory } from "@/lib/networks/queries";
import { parseDirectoryQuery } from "@/lib/networks/schemas";

export const dynamic = "force-dynamic";

/*
 * The public directory, published for reuse: the same search and filters as /networks
 * (q, area, focus, status), as JSON or, with ?format=csv, as a spreadsheet download.
 * Public data only, so any site may fetch it (CORS *) and no sign-in is involved.
 */
export async function GET(request: NextRequest): Promise<Response> {
  try {
    const params = request.nextUrl.searchParams;
    const entries = await listDirectory(parseDirectoryQuery(params));
    const baseUrl = appUrl();
    const common = { "access-control-allow-origin": "*", // Signed-in callers may get a refreshed session cookie with the response: never cache it in between.
    "cache-control": "no-store" };
    if (params.get("format") === "csv") {
      const locale = resolveLocale({ cookie: request.cookies.get(localeCookie)?.value, acceptLanguage: request.headers.get("accept-language") });
      const date = new Date().toISOString().slice(0, 10);
      return new Response(directoryCsv(entries, locale, baseUrl), {
        headers: {
          ...common,
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="netzwerke-${date}.csv"`,
        },
      });
    }
    return Response.json({ networks: entries.map((e) => directoryJson(e, baseUrl)) }, { headers: common });
  } catch (error) {
    return errorResponse(error, request);
  }
}
