import Link from "next/link";
import { useTranslations } from "next-intl";

const linkClass = "rounded px-3 py-1 focus:outline-none focus:ring-2 focus:ring-teal-700";

/** Board or list, plus "new task"; the current view is marked with aria-current and an underline. */
export function TaskViewsNav({ slug, current, canCreate }: { slug: string; current: "board" | "list"; canCreate: boolean }) {
  const t = useTranslations("tasks");
  const base = `/networks/${encodeURIComponent(slug)}/workspace/tasks`;
  const views = [
    { key: "board", href: base, label: t("boardView") },
    { key: "list", href: `${base}/list`, label: t("listView") },
  ] as const;
  return (
    <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
      <nav aria-label={t("views")}>
        <ul className="flex gap-1 rounded-md border border-slate-300 bg-white p-1">
          {views.map((v) => (
            <li key={v.key}>
              <Link
                href={v.href}
                aria-current={current === v.key ? "page" : undefined}
                className={`${linkClass} block ${current === v.key ? "bg-teal-50 font-semibold text-teal-900 underline decoration-2 underline-offset-4" : "text-slate-800 hover:bg-slate-100"}`}
              >
                {v.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {canCreate ? (
        <Link href={`${base}/new`} className="rounded-md bg-teal-800 px-4 py-2 font-semibold text-white hover:bg-teal-900 focus:outline-none focus:ring-2 focus:ring-teal-700 focus:ring-offset-2">
          <span aria-hidden="true">+ </span>
          {t("newTask")}
        </Link>
      ) : null}
    </div>
  );
}
