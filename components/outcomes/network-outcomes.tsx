import Link from "next/link";
import { useTranslations } from "next-intl";
import type { networkOutcomes } from "@/lib/outcomes/queries";

type Outcomes = Awaited<ReturnType<typeof networkOutcomes>>;

/** On a network's Work-Space: what the think-tanks that took up its problems came up with. */
export function NetworkOutcomes({ outcomes, slug }: { outcomes: Outcomes; slug: string }) {
  const t = useTranslations("outcomeWorkspace");
  if (!outcomes.length) return null;
  return (
    <section aria-labelledby="tt-outcomes-heading" className="mb-8">
      <h2 id="tt-outcomes-heading" className="mb-3 text-2xl font-semibold">
        {t("title")}
      </h2>
      <ul className="space-y-3">
        {outcomes.map((o) => (
          <li key={o.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <h3 className="text-lg font-semibold">
              <span className="sr-only">{t("fromThinkTank")}: </span>
              {o.title}
            </h3>
            <p className="text-slate-700">{o.question}</p>
            {o.summary ? <p className="mt-2 whitespace-pre-line">{o.summary}</p> : null}
            {o.tasks.length ? (
              <>
                <h4 className="mt-2 font-medium">{t("tasks")}</h4>
                <ul className="list-disc pl-6">
                  {o.tasks.map((task) => (
                    <li key={task.id}>
                      <Link className="text-teal-800 underline" href={`/networks/${slug}/workspace/tasks/${task.id}`}>
                        {task.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
