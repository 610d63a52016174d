import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DirectoryEntryCard } from "@/components/networks/directory-entry";
import { networkStatuses } from "@/db/schema";
import { currentUser } from "@/lib/auth/session";
import { directoryFilterOptions, listDirectory } from "@/lib/networks/queries";
import { parseDirectoryQuery, type DirectoryQuery } from "@/lib/networks/schemas";
import { can } from "@/lib/policy";

export async function generateMetadata() {
  const t = await getTranslations("directory");
  return { title: t("title") };
}

function queryString(query: DirectoryQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const s = params.toString();
  return s ? `?${s}` : "";
}

const selectClass = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 focus:outline-none focus:ring-2 focus:ring-teal-700";

/**
 * The public directory. A GET form: every search is a shareable URL, and the page works without
 * JavaScript (the filters are plain selects, the list is rendered on the server).
 */
export default async function DirectoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = parseDirectoryQuery(await searchParams);
  const [t, entries, options, user] = await Promise.all([getTranslations("directory"), listDirectory(query), directoryFilterOptions(), currentUser()]);
  const filtered = Boolean(query.q || query.area || query.focus || query.status);
  const select = (name: "area" | "focus" | "status", label: string, values: Array<{ value: string; label: string }>) => (
    <div>
      <label htmlFor={`directory-${name}`} className="block font-medium">
        {label}
      </label>
      <select id={`directory-${name}`} name={name} defaultValue={query[name] ?? ""} className={selectClass}>
        <option value="">{t("any")}</option>
        {values.map((v) => (
          <option key={v.value} value={v.value}>
            {v.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div>
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        {user ? (
          <Link href="/networks/new" className="rounded-md bg-teal-800 px-4 py-2 font-semibold text-white hover:bg-teal-900">
            {can(user, "network.create") ? t("newNetwork") : t("proposeNetwork")}
          </Link>
        ) : null}
      </div>
      <p className="mb-6 text-slate-700">{t("lead")}</p>

      <section aria-labelledby="directory-search-title" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="directory-search-title" className="mb-3 text-lg font-semibold">
          {t("searchTitle")}
        </h2>
        <form role="search" method="get" action="/networks" aria-labelledby="directory-search-title">
          <div className="mb-3">
            <label htmlFor="directory-q" className="block font-medium">
              {t("search")}
            </label>
            <input
              id="directory-q"
              name="q"
              type="search"
              defaultValue={query.q ?? ""}
              aria-describedby="directory-q-hint"
              className={selectClass}
            />
            <p id="directory-q-hint" className="mt-1 text-sm text-slate-600">
              {t("searchHint")}
            </p>
          </div>
          <div className="mb-3 grid gap-3 md:grid-cols-3">
            {select("area", t("filterArea"), options.areas.map((a) => ({ value: a, label: a })))}
            {select("focus", t("filterFocus"), options.focuses.map((f) => ({ value: f, label: f })))}
            {select("status", t("filterStatus"), networkStatuses.map((s) => ({ value: s, label: t(`status.${s}`) })))}
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" className="rounded-md bg-teal-800 px-4 py-2 font-semibold text-white hover:bg-teal-900 focus:outline-none focus:ring-2 focus:ring-teal-700 focus:ring-offset-2">
              {t("submit")}
            </button>
            {filtered ? (
              <Link href="/networks" className="text-teal-800 underline">
                {t("reset")}
              </Link>
            ) : null}
          </div>
        </form>
      </section>

      <p className="mb-3 font-medium" id="directory-results">
        {t("resultCount", { count: entries.length })}
      </p>
      {entries.length === 0 ? <p className="mb-6">{filtered ? t("noResults") : t("empty")}</p> : null}
      <ul aria-labelledby="directory-results" className="mb-8 grid gap-4 md:grid-cols-2">
        {entries.map((entry) => (
          <li key={entry.slug} className="flex">
            <DirectoryEntryCard entry={entry} />
          </li>
        ))}
      </ul>

      <section aria-labelledby="directory-reuse-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="directory-reuse-title" className="mb-2 text-lg font-semibold">
          {t("reuseTitle")}
        </h2>
        <p className="mb-2 text-slate-700">{t("reuseLead")}</p>
        <ul className="flex flex-wrap gap-4">
          <li>
            <a className="text-teal-800 underline" href={`/api/v1/directory${queryString(query, { format: "csv" })}`} download>
              {t("downloadCsv")}
            </a>
          </li>
          <li>
            <a className="text-teal-800 underline" href={`/api/v1/directory${queryString(query)}`} type="application/json">
              {t("openJson")}
            </a>
          </li>
        </ul>
      </section>
    </div>
  );
}
