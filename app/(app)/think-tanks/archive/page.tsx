import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { listArchive } from "@/lib/outcomes/queries";

export async function generateMetadata() {
  const t = await getTranslations("outcomeArchive");
  return { title: t("title") };
}

export default async function ThinkTankArchivePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const user = await requireUser("/think-tanks/archive");
  const raw = Array.isArray(query.q) ? query.q[0] : query.q;
  const [{ q, entries }, t, ts] = await Promise.all([listArchive(user, { q: raw ?? "" }), getTranslations("outcomeArchive"), getTranslations("sectors")]);
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-4 max-w-3xl text-slate-700">{t("lead")}</p>
      <form method="get" action="/think-tanks/archive" role="search" aria-label={t("search")} className="mb-6 flex max-w-xl flex-wrap items-end gap-2">
        <div className="grow">
          <label htmlFor="archive-q" className="block font-medium">
            {t("searchLabel")}
          </label>
          <input id="archive-q" name="q" type="search" defaultValue={q} className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 focus:outline-none focus:ring-2 focus:ring-teal-700" />
        </div>
        <button type="submit" className="rounded-md bg-teal-800 px-4 py-2 font-semibold text-white hover:bg-teal-900 focus:outline-none focus:ring-2 focus:ring-teal-700 focus:ring-offset-2">
          {t("searchSubmit")}
        </button>
      </form>
      <p className="mb-4" role="status">
        {entries.length === 0 ? (q ? t("emptySearch", { q }) : t("empty")) : t("count", { count: entries.length })}
      </p>
      <ul className="space-y-4">
        {entries.map((e) => (
          <li key={e.id}>
            <article aria-labelledby={`archive-${e.id}`} className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 id={`archive-${e.id}`} className="text-xl font-semibold">
                <Link className="text-teal-800 underline" href={`/think-tanks/${e.id}/outcome`} aria-label={t("open", { title: e.title })}>
                  {e.title}
                </Link>{" "}
                <span className="ml-2 rounded border border-slate-400 px-2 py-0.5 text-sm font-normal">{t(`status.${e.status}`)}</span>
              </h2>
              <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
                <dt className="font-medium">{t("question")}</dt>
                <dd>{e.question}</dd>
                <dt className="font-medium">{t("networks")}</dt>
                <dd>{e.networks.join(", ") || "–"}</dd>
                <dt className="font-medium">{t("sectors")}</dt>
                <dd>{e.sectorMix.map((s) => `${s.sector === "unspecified" ? t("unspecified") : ts(s.sector)}: ${s.count}`).join(" · ") || "–"}</dd>
                <dt className="font-medium">{t("outcome")}</dt>
                <dd className="whitespace-pre-line">{e.summary || "–"}</dd>
                <dt className="font-medium">{t("tasks")}</dt>
                <dd>
                  {e.tasks.length ? (
                    <ul>
                      {e.tasks.map((task) => (
                        <li key={task.id}>
                          {task.title} ({task.networkName})
                        </li>
                      ))}
                    </ul>
                  ) : (
                    t("noTasks")
                  )}
                </dd>
              </dl>
            </article>
          </li>
        ))}
      </ul>
    </div>
  );
}
