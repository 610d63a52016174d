import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionButton, AddPhaseForm, PhaseEditForm, RemovePhaseButton, StartPhaseButton } from "@/components/think-tanks/forms";
import { AddBoardForm } from "@/components/think-tanks/add-board-form";
import { orNotFound } from "@/components/workspace/page-guard";
import { requireUser } from "@/lib/auth/session";
import { getThinkTank } from "@/lib/think-tanks/queries";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  const t = await getTranslations("thinkTankPhases");
  return { title: t("title") };
}

const statusIcon = { pending: "○", running: "▶", paused: "⏸", completed: "✓" } as const;

export default async function ThinkTankPhasesPage({ params }: Props) {
  const { id } = await params;
  const base = `/think-tanks/${encodeURIComponent(id)}`;
  const user = await requireUser(`${base}/phases`);
  const [t, tl, format, d] = await Promise.all([
    getTranslations("thinkTankPhases"),
    getTranslations("thinkTankLive"),
    getFormatter(),
    orNotFound(getThinkTank(user, id), `${base}/phases`),
  ]);
  const { thinkTank, phases } = d;
  return (
    <section aria-labelledby="phases-title">
      <h2 id="phases-title" className="text-2xl font-semibold">
        {t("title")}
      </h2>
      <p className="mb-4 mt-1 max-w-3xl text-slate-700">{t("lead")}</p>
      {d.can.editPhases ? <p className="mb-4 text-sm text-slate-600">{t("notEditable")}</p> : null}
      <ol className="grid gap-4">
        {phases.map((phase, index) => {
          const current = phase.id === thinkTank.currentPhaseId;
          const prev = phases[index - 1];
          const next = phases[index + 1];
          return (
            <li
              key={phase.id}
              aria-labelledby={`phase-${phase.id}`}
              data-testid="phase"
              className={`rounded-lg border bg-white p-4 ${current ? "border-2 border-teal-800" : "border-slate-200"}`}
            >
              <div className="flex flex-wrap items-center gap-3">
                <h3 id={`phase-${phase.id}`} className="text-xl font-semibold">
                  <span className="sr-only">{t("position", { n: index + 1 })}: </span>
                  {phase.name}
                </h3>
                <span className="rounded-full border border-slate-400 px-2 py-0.5 text-sm" data-phase-status={phase.status}>
                  <span aria-hidden="true">{statusIcon[phase.status]} </span>
                  {tl(`phaseStatus.${phase.status}`)}
                </span>
                {current ? <strong className="text-sm text-teal-900">{t("current")}</strong> : null}
              </div>
              <p className="mt-1">
                <span className="font-medium">{t("goal")}:</span> {phase.goal || t("noGoal")}
              </p>
              <p className="text-sm text-slate-700">
                {phase.timeboxMinutes ? t("timebox", { minutes: phase.timeboxMinutes }) : t("noTimebox")}
                {phase.startedAt ? ` · ${t("startedAt", { date: format.dateTime(phase.startedAt, { dateStyle: "medium", timeStyle: "short" }) })}` : null}
                {phase.completedAt ? ` · ${t("completedAt", { date: format.dateTime(phase.completedAt, { dateStyle: "medium", timeStyle: "short" }) })}` : null}
              </p>
              <h4 className="mt-3 font-semibold">{t("boards")}</h4>
              {phase.boards.length ? (
                <ul className="list-disc pl-5">
                  {phase.boards.map((b) => (
                    <li key={b.id}>
                      <Link href={`${base}/boards/${b.id}`} className="text-teal-900 underline">
                        {b.title}
                      </Link>{" "}
                      <span className="text-sm text-slate-600">
                        ({t(`boardKind.${b.template}`)}
                        {b.votesPerPerson > 0 ? ` · ${t("votes", { count: b.votesPerPerson })}` : null})
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t("noBoards")}</p>
              )}
              {d.can.editPhases && phase.status !== "completed" ? <AddBoardForm thinkTankId={thinkTank.id} phaseId={phase.id} phaseName={phase.name} /> : null}
              {phase.actions.length ? (
                <div className="mt-3 flex flex-wrap items-start gap-3">
                  {phase.actions.map((action) =>
                    action === "start" ? (
                      <StartPhaseButton key={action} thinkTankId={thinkTank.id} phaseId={phase.id} phaseName={phase.name} firstStart={phase.startedAt === null} />
                    ) : (
                      <ActionButton
                        key={action}
                        action="run"
                        fields={{ thinkTankId: thinkTank.id, phaseId: phase.id, action }}
                        label={t(`actions.${action}`)}
                        ariaLabel={t("actionLabel", { action: t(`actions.${action}`), phase: phase.name })}
                        variant={action === "complete" ? "primary" : "secondary"}
                      />
                    ),
                  )}
                </div>
              ) : null}
              {phase.editable ? (
                <div className="mt-3 border-t border-slate-200 pt-3">
                  <div className="flex flex-wrap items-start gap-2">
                    {prev?.editable ? (
                      <ActionButton action="move" fields={{ thinkTankId: thinkTank.id, phaseId: phase.id, direction: "up" }} label="↑" ariaLabel={t("moveUp", { phase: phase.name })} />
                    ) : null}
                    {next?.editable ? (
                      <ActionButton action="move" fields={{ thinkTankId: thinkTank.id, phaseId: phase.id, direction: "down" }} label="↓" ariaLabel={t("moveDown", { phase: phase.name })} />
                    ) : null}
                    <RemovePhaseButton thinkTankId={thinkTank.id} phaseId={phase.id} phaseName={phase.name} />
                  </div>
                  <PhaseEditForm thinkTankId={thinkTank.id} phase={phase} />
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      {d.can.editPhases ? (
        <section aria-labelledby="add-phase" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
          <h3 id="add-phase" className="mb-2 text-lg font-semibold">
            {t("addTitle")}
          </h3>
          <AddPhaseForm thinkTankId={thinkTank.id} />
        </section>
      ) : null}
    </section>
  );
}
