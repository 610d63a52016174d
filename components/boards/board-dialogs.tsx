"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { CARD_TEXT_MAX, type BoardCardState } from "@/lib/realtime/events";
import type { BoardConflict } from "./types";

const button = "rounded border border-slate-600 px-3 py-1.5 hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-teal-700";
const primary = "rounded bg-teal-800 px-3 py-1.5 font-medium text-white hover:bg-teal-900 focus:outline-none focus:ring-2 focus:ring-teal-700 disabled:bg-slate-400";

function Modal({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={id}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className="w-full max-w-2xl rounded-lg border border-slate-400 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="space-y-4 p-5">
        <h2 id={id} className="text-xl font-semibold">
          {title}
        </h2>
        {children}
      </div>
    </dialog>
  );
}

/**
 * Somebody changed a card's text while my edit was on its way: both texts are shown, nothing is
 * dropped. I keep theirs, take mine, or save a merged text (prefilled with both).
 */
export function ConflictDialog({ conflict, onResolve }: { conflict: BoardConflict; onResolve(text: string): void }) {
  const t = useTranslations("boardConflict");
  const id = useId();
  const [merged, setMerged] = useState(`${conflict.current.text}\n\n${conflict.mine}`.slice(0, CARD_TEXT_MAX));
  return (
    // Escape does not close it: one of the two texts would be dropped without a decision.
    <Modal title={t("title")} onClose={() => {}}>
      <p>{t("lead")}</p>
      <div className="grid gap-3 md:grid-cols-2">
        <section aria-labelledby={`${id}-theirs`} className="rounded border border-slate-400 p-2">
          <h3 id={`${id}-theirs`} className="font-semibold">
            {t("theirs")}
          </h3>
          <p className="whitespace-pre-wrap break-words" data-testid="conflict-theirs">
            {conflict.current.text}
          </p>
        </section>
        <section aria-labelledby={`${id}-mine`} className="rounded border border-slate-400 p-2">
          <h3 id={`${id}-mine`} className="font-semibold">
            {t("mine")}
          </h3>
          <p className="whitespace-pre-wrap break-words" data-testid="conflict-mine">
            {conflict.mine}
          </p>
        </section>
      </div>
      <div>
        <label htmlFor={`${id}-merged`} className="font-medium">
          {t("merged")}
        </label>
        <textarea id={`${id}-merged`} rows={5} value={merged} maxLength={CARD_TEXT_MAX} onChange={(event) => setMerged(event.target.value)} className="mt-1 w-full rounded border border-slate-500 p-2" />
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        <button type="button" className={button} onClick={() => onResolve(conflict.current.text)}>
          {t("keepTheirs")}
        </button>
        <button type="button" className={button} onClick={() => onResolve(conflict.mine)}>
          {t("takeMine")}
        </button>
        <button type="button" className={primary} disabled={merged.trim() === ""} onClick={() => onResolve(merged)}>
          {t("saveMerged")}
        </button>
      </div>
    </Modal>
  );
}

/** "Group with…": the keyboard way of dropping one card onto another. */
export function GroupWithDialog({ card, candidates, onGroup, onClose }: { card: BoardCardState; candidates: BoardCardState[]; onGroup(target: BoardCardState): void; onClose(): void }) {
  const t = useTranslations("boardGroup");
  const id = useId();
  const [targetId, setTargetId] = useState(candidates[0]?.id ?? "");
  const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
  return (
    <Modal title={t("groupWithTitle", { text: short(card.text) })} onClose={onClose}>
      {candidates.length === 0 ? (
        <p>{t("noCandidates")}</p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const target = candidates.find((c) => c.id === targetId);
            if (target) onGroup(target);
          }}
          className="space-y-3"
        >
          <label htmlFor={`${id}-target`} className="block font-medium">
            {t("target")}
          </label>
          <select id={`${id}-target`} autoFocus value={targetId} onChange={(event) => setTargetId(event.target.value)} className="w-full rounded border border-slate-500 p-1">
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {short(c.text)}
              </option>
            ))}
          </select>
          <div className="flex justify-end gap-2">
            <button type="button" className={button} onClick={onClose}>
              {t("cancel")}
            </button>
            <button type="submit" className={primary}>
              {t("group")}
            </button>
          </div>
        </form>
      )}
      {candidates.length === 0 ? (
        <div className="flex justify-end">
          <button type="button" className={button} onClick={onClose}>
            {t("cancel")}
          </button>
        </div>
      ) : null}
    </Modal>
  );
}
