"use client";

import type { CSSProperties, KeyboardEvent, PointerEvent, DragEvent } from "react";
import { useTranslations } from "next-intl";
import type { BoardCardState, BoardSnapshot } from "@/lib/realtime/events";
import { canEditCard, colourClasses, isTypingTarget, totalsVisible, votesRemaining } from "./board-model";

export type MoveDirection = "left" | "right" | "up" | "down";

export type CardActions = {
  edit(card: BoardCardState): void;
  remove(card: BoardCardState): void;
  vote(card: BoardCardState, delta: 1 | -1): void;
  groupWith(card: BoardCardState): void;
  ungroup(card: BoardCardState): void;
  spotlight(card: BoardCardState | null): void;
  /** Columns: a step between or within columns; canvas: a nudge of the position. */
  move(card: BoardCardState, direction: MoveDirection, big: boolean): void;
};

type Props = {
  card: BoardCardState;
  snapshot: BoardSnapshot;
  writable: boolean;
  actions: CardActions;
  /** Which move buttons make sense (columns boards: edges disable left/right, first/last up/down). */
  moves: Record<MoveDirection, boolean>;
  /** Column boards show move buttons; on the canvas the arrow keys (and dragging) move the note. */
  showMoveButtons: boolean;
  style?: CSSProperties;
  className?: string;
  onPointerDown?: (event: PointerEvent<HTMLElement>) => void;
  draggable?: boolean;
  onDragStart?: (event: DragEvent<HTMLElement>) => void;
};

const small =
  "rounded border border-slate-600 bg-white/80 px-1.5 py-0.5 text-xs font-medium text-slate-900 hover:bg-white focus:outline-none focus:ring-2 focus:ring-teal-700 disabled:cursor-not-allowed disabled:border-slate-300 disabled:text-slate-400";

function excerpt(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

/**
 * One sticky note. The note itself is focusable: Enter edits, Delete deletes, the arrow keys move
 * it, + and − set my dots, G groups it with another card, S spotlights it (moderators). Every key
 * has a visible button too, each with a name that says which card it acts on.
 */
export function CardItem({ card, snapshot, writable, actions, moves, showMoveButtons, style, className, onPointerDown, draggable, onDragStart }: Props) {
  const t = useTranslations("boardCard");
  const tc = useTranslations("boardColours");
  const short = excerpt(card.text);
  const editable = writable && canEditCard(snapshot, card);
  const voting = writable && snapshot.board.votesPerPerson > 0;
  const mine = snapshot.myVotes[card.id] ?? 0;
  const remaining = votesRemaining(snapshot);
  const spotlit = snapshot.board.spotlightCardId === card.id;
  const moderator = snapshot.me.canModerate;
  const showAuthor = !snapshot.board.anonymous && card.author;

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.target !== event.currentTarget || isTypingTarget(event.target)) return;
    const arrows: Record<string, MoveDirection> = { ArrowLeft: "left", ArrowRight: "right", ArrowUp: "up", ArrowDown: "down" };
    const direction = arrows[event.key];
    if (direction && writable && moves[direction]) {
      event.preventDefault();
      actions.move(card, direction, event.shiftKey);
    } else if (event.key === "Enter" && editable) {
      event.preventDefault();
      actions.edit(card);
    } else if (event.key === "Delete" && editable) {
      event.preventDefault();
      actions.remove(card);
    } else if ((event.key === "+" || event.key === "=") && voting && remaining > 0) {
      event.preventDefault();
      actions.vote(card, 1);
    } else if (event.key === "-" && voting && mine > 0) {
      event.preventDefault();
      actions.vote(card, -1);
    } else if (event.key.toLowerCase() === "g" && writable && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      actions.groupWith(card);
    } else if (event.key.toLowerCase() === "s" && moderator && writable && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      actions.spotlight(spotlit ? null : card);
    }
  }

  return (
    <article
      tabIndex={0}
      data-card-id={card.id}
      aria-label={t("label", { text: short })}
      aria-describedby={`card-${card.id}-meta`}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      draggable={draggable}
      onDragStart={onDragStart}
      style={style}
      className={`rounded-md border-2 p-2 shadow-sm focus:outline-none focus:ring-4 focus:ring-teal-700 ${colourClasses[card.colour].bg} ${
        spotlit ? "border-4 border-slate-900 ring-4 ring-amber-500" : colourClasses[card.colour].border
      } ${className ?? ""}`}
    >
      {spotlit ? (
        <p className="mb-1 text-xs font-bold uppercase tracking-wide text-slate-900">
          <span aria-hidden="true">★ </span>
          {t("spotlit")}
        </p>
      ) : null}
      <p className="whitespace-pre-wrap break-words text-sm text-slate-950" data-card-text>
        {card.text}
      </p>
      <p id={`card-${card.id}-meta`} className="mt-1 flex flex-wrap gap-x-2 text-xs text-slate-800">
        <span>{t("colourName", { colour: tc(card.colour) })}</span>
        {showAuthor ? <span data-card-author>{t("by", { name: card.author!.name })}</span> : null}
        {card.votes !== undefined && totalsVisible(snapshot) && (snapshot.board.votesPerPerson > 0 || card.votes > 0) ? <span data-card-votes>{t("votes", { count: card.votes })}</span> : null}
        {voting || mine > 0 ? <span>{t("myVotes", { count: mine })}</span> : null}
      </p>
      {writable ? (
        <div className="mt-1 flex flex-wrap gap-1" role="group" aria-label={t("actions", { text: short })}>
          {editable ? (
            <>
              <button type="button" className={small} aria-label={t("editNamed", { text: short })} onClick={() => actions.edit(card)}>
                {t("edit")}
              </button>
              <button type="button" className={small} aria-label={t("deleteNamed", { text: short })} onClick={() => actions.remove(card)}>
                {t("delete")}
              </button>
            </>
          ) : null}
          {voting ? (
            <>
              <button type="button" className={small} disabled={remaining <= 0} aria-label={t("voteUp", { text: short })} onClick={() => actions.vote(card, 1)}>
                <span aria-hidden="true">+</span>
                <span className="sr-only">{t("dot")}</span>
              </button>
              <button type="button" className={small} disabled={mine <= 0} aria-label={t("voteDown", { text: short })} onClick={() => actions.vote(card, -1)}>
                <span aria-hidden="true">−</span>
                <span className="sr-only">{t("dot")}</span>
              </button>
            </>
          ) : null}
          <button type="button" className={small} aria-label={t("groupWithNamed", { text: short })} onClick={() => actions.groupWith(card)}>
            {t("groupWith")}
          </button>
          {card.groupId ? (
            <button type="button" className={small} aria-label={t("leaveGroupNamed", { text: short })} onClick={() => actions.ungroup(card)}>
              {t("leaveGroup")}
            </button>
          ) : null}
          {moderator ? (
            <button type="button" className={small} aria-pressed={spotlit} aria-label={t(spotlit ? "unspotlightNamed" : "spotlightNamed", { text: short })} onClick={() => actions.spotlight(spotlit ? null : card)}>
              {t(spotlit ? "unspotlight" : "spotlight")}
            </button>
          ) : null}
          {showMoveButtons
            ? (["left", "up", "down", "right"] as const).map((direction) => (
                <button
                  key={direction}
                  type="button"
                  className={small}
                  disabled={!moves[direction]}
                  aria-label={t(`move_${direction}`, { text: short })}
                  onClick={() => actions.move(card, direction, false)}
                >
                  <span aria-hidden="true">{{ left: "←", up: "↑", down: "↓", right: "→" }[direction]}</span>
                </button>
              ))
            : null}
        </div>
      ) : null}
    </article>
  );
}
