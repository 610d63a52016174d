"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { TITLE_MAX, type BoardGroupState } from "@/lib/realtime/events";

export type GroupActions = {
  renameGroup(group: BoardGroupState, title: string): void;
  dissolveGroup(group: BoardGroupState): void;
};

const small =
  "rounded border border-slate-600 bg-white px-1.5 py-0.5 text-xs font-medium hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-teal-700";

export function GroupHeader({ group, count, writable, actions }: { group: BoardGroupState; count: number; writable: boolean; actions: GroupActions }) {
  const t = useTranslations("boardGroup");
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(group.title);
  const name = group.title || t("untitled");

  if (editing) {
    return (
      <form
        className="flex flex-wrap items-center gap-1"
        onSubmit={(event) => {
          event.preventDefault();
          actions.renameGroup(group, title.trim());
          setEditing(false);
        }}
      >
        <label className="sr-only" htmlFor={`group-${group.id}-input`}>
          {t("titleLabel")}
        </label>
        <input
          id={`group-${group.id}-input`}
          value={title}
          maxLength={TITLE_MAX}
          autoFocus
          onChange={(event) => setTitle(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape") setEditing(false);
          }}
          className="w-36 rounded border border-slate-500 px-1 text-sm"
        />
        <button type="submit" className={small}>
          {t("save")}
        </button>
        <button type="button" className={small} onClick={() => setEditing(false)}>
          {t("cancel")}
        </button>
      </form>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-1">
      <h4 id={`group-${group.id}-title`} className="text-sm font-semibold">
        <span aria-hidden="true">▦ </span>
        {t("heading", { title: name, count })}
      </h4>
      {writable ? (
        <>
          <button
            type="button"
            className={small}
            aria-label={t("renameNamed", { title: name })}
            onClick={() => {
              setTitle(group.title);
              setEditing(true);
            }}
          >
            {t("rename")}
          </button>
          <button type="button" className={small} aria-label={t("dissolveNamed", { title: name })} onClick={() => actions.dissolveGroup(group)}>
            {t("dissolve")}
          </button>
        </>
      ) : null}
    </div>
  );
}
