"use client";

import Link from "next/link";
import { useActionState, useEffect, useId, useRef } from "react";
import { useTranslations } from "next-intl";
import { moveTaskAction } from "@/app/(app)/networks/[slug]/workspace/tasks/actions";
import type { TaskStatus } from "@/db/schema";
import type { TaskCard } from "@/lib/tasks/queries";
import type { MoveState } from "./move-state";
import { TaskMeta } from "./task-meta";

/** Board order, left to right (kept here so the client bundle needs nothing from lib/). */
const STATUS_ORDER: readonly TaskStatus[] = ["open", "in_progress", "done"];

type Props = { slug: string; columns: Record<TaskStatus, TaskCard[]>; canMove: boolean };

const buttonClass =
  "rounded border border-teal-800 bg-white px-2 py-1 text-sm font-medium text-teal-900 hover:bg-teal-50 focus:outline-none focus:ring-2 focus:ring-teal-700 disabled:cursor-not-allowed disabled:border-slate-300 disabled:text-slate-400";

/*
 * The board works without a mouse and without JavaScript: every card has a form whose four
 * buttons post a move to the server action (one step left/right/up/down). With JavaScript the
 * board stays in place, a polite live region announces the result, and focus returns to the
 * moved card's button so the next step is one key press away.
 */
export function TaskBoard({ slug, columns, canMove }: Props) {
  const t = useTranslations("taskBoard");
  const ts = useTranslations("tasks.status");
  const [state, formAction] = useActionState<MoveState, FormData>(moveTaskAction, {});
  const handled = useRef<number | undefined>(undefined);
  const baseId = useId();

  useEffect(() => {
    if (!state.seq || handled.current === state.seq || !state.taskId) return;
    const card = document.querySelector<HTMLElement>(`[data-task-card="${CSS.escape(state.taskId)}"]`);
    // Wait until the refreshed board shows the card in its new column.
    if (!card || (state.status && card.dataset.status !== state.status)) return;
    handled.current = state.seq;
    const same = card.querySelector<HTMLButtonElement>(`button[value="${CSS.escape(state.direction ?? "")}"]:not(:disabled)`);
    const any = card.querySelector<HTMLButtonElement>("button:not(:disabled)");
    (same ?? any ?? card.querySelector<HTMLElement>("a"))?.focus();
  }, [state, columns]);

  return (
    <div>
      <p id={`${baseId}-help`} className="mb-3 text-sm text-slate-700">
        {canMove ? t("help") : t("readOnly")}
      </p>
      <div
        role="status"
        aria-live="polite"
        aria-atomic="true"
        className={state.message ? `mb-4 rounded-md border p-3 ${state.failed ? "border-red-800 bg-red-50 text-red-900" : "border-teal-800 bg-teal-50 text-teal-900"}` : "sr-only"}
      >
        {state.message ? (
          <>
            <span aria-hidden="true">{state.failed ? "⚠ " : "✓ "}</span>
            {state.message}
          </>
        ) : null}
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        {STATUS_ORDER.map((status, col) => {
          const headingId = `${baseId}-col-${status}`;
          const left = STATUS_ORDER[col - 1];
          const right = STATUS_ORDER[col + 1];
          const cards = columns[status];
          return (
            <section key={status} aria-labelledby={headingId} className="rounded-lg border border-slate-300 bg-slate-50 p-3">
              <h3 id={headingId} className="mb-3 text-lg font-semibold">
                {t("column", { status: ts(status), count: cards.length })}
              </h3>
              {cards.length === 0 ? <p className="text-sm text-slate-600">{t("emptyColumn")}</p> : null}
              <ol aria-labelledby={headingId} className="space-y-3">
                {cards.map((card, index) => (
                  <li
                    key={card.id}
                    data-task-card={card.id}
                    data-status={status}
                    className={`rounded-md border bg-white p-3 shadow-sm ${card.overdue ? "border-l-4 border-red-800" : "border-slate-300"}`}
                  >
                    <h4 className="font-semibold">
                      <Link href={`/networks/${encodeURIComponent(slug)}/workspace/tasks/${encodeURIComponent(card.id)}`} className="text-teal-900 underline-offset-2 hover:underline focus:outline-none focus:ring-2 focus:ring-teal-700">
                        {card.title}
                      </Link>
                    </h4>
                    <div className="mt-1">
                      <TaskMeta task={card} />
                    </div>
                    {canMove ? (
                      <form action={formAction} className="mt-2">
                        <input type="hidden" name="network" value={slug} />
                        <input type="hidden" name="taskId" value={card.id} />
                        <div role="group" aria-label={t("moveGroup", { title: card.title })} className="flex flex-wrap gap-1">
                          <button type="submit" name="direction" value="left" disabled={!left} aria-label={left ? t("moveLeft", { title: card.title, status: ts(left) }) : t("moveLeftEdge", { title: card.title })} className={buttonClass}>
                            <span aria-hidden="true">← </span>
                            {t("left")}
                          </button>
                          <button type="submit" name="direction" value="up" disabled={index === 0} aria-label={t("moveUp", { title: card.title })} className={buttonClass}>
                            <span aria-hidden="true">↑ </span>
                            {t("up")}
                          </button>
                          <button type="submit" name="direction" value="down" disabled={index === cards.length - 1} aria-label={t("moveDown", { title: card.title })} className={buttonClass}>
                            <span aria-hidden="true">↓ </span>
                            {t("down")}
                          </button>
                          <button type="submit" name="direction" value="right" disabled={!right} aria-label={right ? t("moveRight", { title: card.title, status: ts(right) }) : t("moveRightEdge", { title: card.title })} className={buttonClass}>
                            {t("right")}
                            <span aria-hidden="true"> →</span>
                          </button>
                        </div>
                      </form>
                    ) : null}
                  </li>
                ))}
              </ol>
            </section>
          );
        })}
      </div>
    </div>
  );
}
