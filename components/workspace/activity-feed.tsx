import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { verbKey } from "@/lib/memberships/rules";

export type FeedEntry = { id: number; verb: string; summary: string; at: Date; actorName: string | null };

/** The network's feed, newest first; plain links page through it, so it works without JavaScript. */
export async function ActivityFeed({ entries, basePath, nextCursor, isFirstPage }: { entries: FeedEntry[]; basePath: string; nextCursor: number | null; isFirstPage: boolean }) {
  const [t, format] = await Promise.all([getTranslations("activity"), getFormatter()]);
  const describe = (entry: FeedEntry) => {
    const values = { actor: entry.actorName ?? t("someone"), summary: entry.summary };
    const key = `verbs.${verbKey(entry.verb)}`;
    // Verbs written by other areas that have no text yet still show who did what.
    if (!t.has(key as never)) return t("unknownVerb", { ...values, verb: entry.verb });
    return (t as unknown as (key: string, values: Record<string, string>) => string)(key, values);
  };
  return (
    <section aria-labelledby="activity-heading">
      <h2 id="activity-heading" className="mb-3 text-2xl font-semibold">
        {t("title")}
      </h2>
      {entries.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {entries.map((entry) => (
            <li key={entry.id} className="flex flex-col gap-1 p-3 sm:flex-row sm:items-baseline sm:gap-4">
              <time dateTime={entry.at.toISOString()} className="shrink-0 text-sm text-slate-600 sm:w-44">
                {format.dateTime(entry.at, { dateStyle: "medium", timeStyle: "short" })}
              </time>
              <span>{describe(entry)}</span>
            </li>
          ))}
        </ol>
      )}
      {nextCursor || !isFirstPage ? (
        <nav aria-label={t("pagination")} className="mt-4 flex flex-wrap gap-4">
          {!isFirstPage ? (
            <Link className="text-teal-800 underline" href={basePath}>
              {t("newest")}
            </Link>
          ) : null}
          {nextCursor ? (
            <Link className="text-teal-800 underline" href={`${basePath}?before=${nextCursor}`} rel="next">
              {t("older")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
