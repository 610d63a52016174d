"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { TITLE_MAX, type BoardOpInput, type BoardSnapshot } from "@/lib/realtime/events";
import { newId, sortedColumns } from "./board-model";

type Props = {
  snapshot: BoardSnapshot;
  submit(op: BoardOpInput): void;
  followMe: boolean;
  onFollowMe(on: boolean): void;
};

type BoardChanges = Extract<BoardOpInput, { type: "board.update" }>["changes"];

const button =
  "rounded border border-slate-700 bg-white px-2 py-1 text-sm font-medium hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-teal-700 disabled:cursor-not-allowed disabled:border-slate-300 disabled:text-slate-400";

/**
 * The moderator's settings: lock, anonymity (only while the board has no cards, so nobody's
 * earlier card loses or gains a name after the fact), dot budget and visibility, a countdown,
 * "follow me", and the columns of a column board. Each change is one `board.update` op.
 */
export function ModeratorToolbar({ snapshot, submit, followMe, onFollowMe }: Props) {
  const t = useTranslations("boardModeration");
  const id = useId();
  const { board } = snapshot;
  const [minutes, setMinutes] = useState("5");
  const [newColumn, setNewColumn] = useState("");
  const columns = sortedColumns(snapshot.columns);
  const update = (changes: BoardChanges) => submit({ type: "board.update", changes });
  const writeColumns = (list: Array<{ id: string; title: string }>) => update({ columns: list.map((c) => ({ id: c.id, title: c.title })) });
  const hasCards = snapshot.cards.length > 0;

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-400 bg-white p-3">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t("title")}
      </h2>
      <div className="mt-2 flex flex-wrap items-end gap-x-6 gap-y-3">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={board.locked} onChange={(event) => update({ locked: event.target.checked })} />
          {t("locked")}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={board.anonymous} disabled={hasCards} aria-describedby={`${id}-anon-help`} onChange={(event) => update({ anonymous: event.target.checked })} />
          {t("anonymous")}
        </label>
        <span id={`${id}-anon-help`} className="sr-only">
          {hasCards ? t("anonymousLocked") : t("anonymousHelp")}
        </span>
        {/* Keyed by the current budget: a change by another moderator shows up in the field. */}
        <BudgetForm key={board.votesPerPerson} current={board.votesPerPerson} onSave={(n) => update({ votesPerPerson: n })} />
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={board.votesHidden} onChange={(event) => update({ votesHidden: event.target.checked, ...(event.target.checked ? { votesRevealed: false } : {}) })} />
          {t("votesHidden")}
        </label>
        {board.votesHidden ? (
          <button type="button" className={button} aria-pressed={board.votesRevealed} onClick={() => update({ votesRevealed: !board.votesRevealed })}>
            {board.votesRevealed ? t("hideVotes") : t("revealVotes")}
          </button>
        ) : null}
        <form
          className="flex items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const n = Number(minutes);
            if (n > 0 && n <= 240) update({ timerEndsAt: new Date(Date.now() + n * 60_000).toISOString() });
          }}
        >
          <label className="flex flex-col text-sm">
            {t("timerMinutes")}
            <input type="number" min={1} max={240} value={minutes} onChange={(event) => setMinutes(event.target.value)} className="w-20 rounded border border-slate-500 px-1 py-0.5" />
          </label>
          <button type="submit" className={button}>
            {t("startTimer")}
          </button>
          {board.timerEndsAt ? (
            <button type="button" className={button} onClick={() => update({ timerEndsAt: null })}>
              {t("stopTimer")}
            </button>
          ) : null}
        </form>
        {board.spotlightCardId ? (
          <button type="button" className={button} onClick={() => update({ spotlightCardId: null })}>
            {t("endSpotlight")}
          </button>
        ) : null}
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={followMe} onChange={(event) => onFollowMe(event.target.checked)} />
          {t("followMe")}
        </label>
      </div>
      {board.kind === "columns" ? (
        <details className="mt-3">
          <summary className="cursor-pointer font-medium">{t("columnsTitle")}</summary>
          <ol className="mt-2 space-y-1">
            {columns.map((column, index) => (
              <ColumnRow
                key={`${column.id}:${column.title}`}
                title={column.title}
                first={index === 0}
                last={index === columns.length - 1}
                onRename={(title) => writeColumns(columns.map((c) => (c.id === column.id ? { ...c, title } : c)))}
                onMove={(step) => {
                  const list = [...columns];
                  const [moved] = list.splice(index, 1);
                  list.splice(index + step, 0, moved!);
                  writeColumns(list);
                }}
                onRemove={
                  columns.length > 1 && !snapshot.cards.some((c) => !c.deleted && c.columnId === column.id) ? () => writeColumns(columns.filter((c) => c.id !== column.id)) : null
                }
              />
            ))}
          </ol>
          <form
            className="mt-2 flex items-end gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              const title = newColumn.trim();
              if (!title) return;
              writeColumns([...columns, { id: newId(), title, position: 0 }]);
              setNewColumn("");
            }}
          >
            <label className="flex flex-col text-sm">
              {t("newColumn")}
              <input value={newColumn} maxLength={TITLE_MAX} onChange={(event) => setNewColumn(event.target.value)} className="rounded border border-slate-500 px-1 py-0.5" />
            </label>
            <button type="submit" className={button} disabled={columns.length >= 20}>
              {t("addColumn")}
            </button>
          </form>
        </details>
      ) : null}
    </section>
  );
}

function ColumnRow({ title, first, last, onRename, onMove, onRemove }: { title: string; first: boolean; last: boolean; onRename(title: string): void; onMove(step: -1 | 1): void; onRemove: (() => void) | null }) {
  const t = useTranslations("boardModeration");
  const inputId = useId();
  const [value, setValue] = useState(title);
  return (
    <li>
      <form
        className="flex flex-wrap items-center gap-1"
        onSubmit={(event) => {
          event.preventDefault();
          if (value.trim() && value.trim() !== title) onRename(value.trim());
        }}
      >
        <label className="sr-only" htmlFor={inputId}>
          {t("columnName", { title })}
        </label>
        <input id={inputId} value={value} maxLength={TITLE_MAX} onChange={(event) => setValue(event.target.value)} className="rounded border border-slate-500 px-1 py-0.5 text-sm" />
        <button type="submit" className={button} aria-label={t("renameColumn", { title })}>
          {t("rename")}
        </button>
        <button type="button" className={button} disabled={first} aria-label={t("columnLeft", { title })} onClick={() => onMove(-1)}>
          <span aria-hidden="true">←</span>
        </button>
        <button type="button" className={button} disabled={last} aria-label={t("columnRight", { title })} onClick={() => onMove(1)}>
          <span aria-hidden="true">→</span>
        </button>
        {onRemove ? (
          <button type="button" className={button} aria-label={t("removeColumn", { title })} onClick={onRemove}>
            {t("remove")}
          </button>
        ) : null}
      </form>
    </li>
  );
}

function BudgetForm({ current, onSave }: { current: number; onSave(n: number): void }) {
  const t = useTranslations("boardModeration");
  const [budget, setBudget] = useState(String(current));
  return (
    <form
      className="flex items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const n = Number(budget);
        if (Number.isInteger(n) && n >= 0 && n <= 100) onSave(n);
      }}
    >
      <label className="flex flex-col text-sm">
        {t("votesPerPerson")}
        <input type="number" min={0} max={100} value={budget} onChange={(event) => setBudget(event.target.value)} className="w-20 rounded border border-slate-500 px-1 py-0.5" />
      </label>
      <button type="submit" className={button}>
        {t("saveVotes")}
      </button>
    </form>
  );
}
