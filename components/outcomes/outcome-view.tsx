import Link from "next/link";
import { useTranslations } from "next-intl";
import type { OutcomeView } from "@/lib/outcomes/queries";

/** The concluded outcome: summary, decisions, selected ideas, origin problems, resulting tasks. */
export function OutcomeDetails({ view, headingLevel = 2, links = true }: { view: OutcomeView; headingLevel?: 2 | 3; links?: boolean }) {
  const t = useTranslations("outcome");
  const H = headingLevel === 2 ? "h2" : "h3";
  const tk = view.thinkTank;
  return (
    <div className="space-y-6">
      <section aria-labelledby="outcome-summary-heading">
        <H id="outcome-summary-heading" className="mb-2 text-2xl font-semibold">
          {t("summary")}
        </H>
        <p className="whitespace-pre-line">{tk.summary || t("noSummary")}</p>
      </section>
      {tk.decisions ? (
        <section aria-labelledby="outcome-decisions-heading">
          <H id="outcome-decisions-heading" className="mb-2 text-xl font-semibold">
            {t("decisions")}
          </H>
          <p className="whitespace-pre-line">{tk.decisions}</p>
        </section>
      ) : null}
      <section aria-labelledby="outcome-ideas-heading">
        <H id="outcome-ideas-heading" className="mb-2 text-xl font-semibold">
          {t("ideas")}
        </H>
        {view.ideas.length ? (
          <ul className="list-disc space-y-1 pl-6">
            {view.ideas.map((idea) => (
              <li key={idea.id}>
                {idea.title}
                {idea.note ? <span className="text-slate-700"> – {idea.note}</span> : null}
                {links && idea.boardId ? (
                  <>
                    {" "}
                    <Link className="text-teal-800 underline" href={`/think-tanks/${tk.id}/boards/${idea.boardId}`}>
                      {t("toCard", { title: idea.title })}
                    </Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("noIdeas")}</p>
        )}
      </section>
      <section aria-labelledby="outcome-problems-heading">
        <H id="outcome-problems-heading" className="mb-2 text-xl font-semibold">
          {t("problems")}
        </H>
        {view.origin.length ? (
          <ul className="space-y-1">
            {view.origin.map((p) => (
              <li key={p.id}>
                <span aria-hidden="true">{p.status === "resolved" ? "✓ " : "○ "}</span>
                <span className="font-medium">{p.title}</span> ({p.networkName}): {p.status === "resolved" ? t("resolved") : t("staysOpen")}
                {p.note ? <span className="text-slate-700"> – {p.note}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("noProblems")}</p>
        )}
      </section>
      <section aria-labelledby="outcome-tasks-heading">
        <H id="outcome-tasks-heading" className="mb-2 text-xl font-semibold">
          {t("tasks")}
        </H>
        {view.tasks.length ? (
          <ul className="space-y-1">
            {view.tasks.map((task) => (
              <li key={task.id}>
                {links ? (
                  <Link className="font-medium text-teal-800 underline" href={`/networks/${task.networkSlug}/workspace/tasks/${task.id}`}>
                    {task.title}
                  </Link>
                ) : (
                  <span className="font-medium">{task.title}</span>
                )}{" "}
                <span className="text-slate-700">
                  ({[task.networkName, task.assigneeName, task.dueDate ? t("due", { date: task.dueDate }) : null].filter(Boolean).join(", ")})
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("noTasks")}</p>
        )}
      </section>
    </div>
  );
}
