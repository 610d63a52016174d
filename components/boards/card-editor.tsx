"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { CARD_TEXT_MAX, cardColours, type CardColour } from "@/lib/realtime/events";
import { colourClasses } from "./board-model";

type Props = {
  /** Dialog heading: "Neue Karte" or "Karte bearbeiten". */
  title: string;
  initialText: string;
  initialColour: CardColour;
  onSave: (text: string, colour: CardColour) => void;
  onCancel: () => void;
};

/**
 * A modal dialog (native <dialog>, so focus is trapped and Escape closes it) with the card text,
 * a live character counter and a colour choice whose options are named, not only coloured.
 */
export function CardEditor({ title, initialText, initialColour, onSave, onCancel }: Props) {
  const t = useTranslations("boardCard");
  const tc = useTranslations("boardColours");
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState(initialText);
  const [colour, setColour] = useState<CardColour>(initialColour);
  const tooLong = text.length > CARD_TEXT_MAX;

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      className="w-full max-w-lg rounded-lg border border-slate-400 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <form
        method="dialog"
        className="space-y-4 p-5"
        onSubmit={(event) => {
          event.preventDefault();
          if (tooLong || text.trim() === "") return;
          onSave(text, colour);
        }}
      >
        <h2 id={`${id}-title`} className="text-xl font-semibold">
          {title}
        </h2>
        <div>
          <label htmlFor={`${id}-text`} className="block font-medium">
            {t("text")}
          </label>
          <textarea
            id={`${id}-text`}
            value={text}
            autoFocus
            rows={5}
            required
            aria-invalid={tooLong || undefined}
            aria-describedby={`${id}-count`}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              // Ctrl/Cmd+Enter saves without leaving the keyboard.
              if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                event.currentTarget.form?.requestSubmit();
              }
            }}
            className="mt-1 w-full rounded border border-slate-500 p-2 focus:outline-none focus:ring-2 focus:ring-teal-700"
          />
          <p id={`${id}-count`} className={`text-sm ${tooLong ? "font-semibold text-red-800" : "text-slate-700"}`}>
            {t("counter", { count: text.length, max: CARD_TEXT_MAX })}
            {tooLong ? ` – ${t("tooLong")}` : ""}
          </p>
        </div>
        <fieldset>
          <legend className="font-medium">{t("colour")}</legend>
          <div className="mt-1 flex flex-wrap gap-2">
            {cardColours.map((c) => (
              <label key={c} className={`flex cursor-pointer items-center gap-2 rounded border px-2 py-1 ${colour === c ? "border-2 border-slate-900 font-semibold" : "border-slate-400"}`}>
                <input type="radio" name={`${id}-colour`} value={c} checked={colour === c} onChange={() => setColour(c)} className="focus:ring-2 focus:ring-teal-700" />
                <span aria-hidden="true" className={`inline-block h-4 w-4 rounded-full border border-slate-600 ${colourClasses[c].swatch}`} />
                {tc(c)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onCancel} className="rounded border border-slate-500 px-3 py-1.5 hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-teal-700">
            {t("cancel")}
          </button>
          <button
            type="submit"
            disabled={tooLong || text.trim() === ""}
            className="rounded bg-teal-800 px-3 py-1.5 font-medium text-white hover:bg-teal-900 focus:outline-none focus:ring-2 focus:ring-teal-700 disabled:bg-slate-400"
          >
            {t("save")}
          </button>
        </div>
      </form>
    </dialog>
  );
}
