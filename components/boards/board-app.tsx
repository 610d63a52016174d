"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { BoardCardState, BoardEvent, BoardGroupState, BoardOpInput, BoardSnapshot, CardColour } from "@/lib/realtime/events";
import { useBoard } from "@/lib/realtime/use-board";
import {
  CANVAS_BIG_STEP,
  CANVAS_STEP,
  CARD_WIDTH,
  cardsInColumn,
  clampCoordinate,
  columnOf,
  freeCanvasSpot,
  isTypingTarget,
  liveCards,
  newId,
  positionAtEnd,
  positionForStep,
  sortedColumns,
  totalsVisible,
} from "./board-model";
import { ConnectionStatus, CountdownTimer, MyDots, PresenceList } from "./board-status";
import { ConflictDialog, GroupWithDialog } from "./board-dialogs";
import { CanvasBoard } from "./canvas-board";
import { CardEditor } from "./card-editor";
import type { CardActions, MoveDirection } from "./card-item";
import { ColumnsBoard } from "./columns-board";
import type { GroupActions } from "./group-header";
import { ModeratorToolbar } from "./moderator-toolbar";

type Props = { boardId: string; initialSnapshot: BoardSnapshot };

type Editing = { mode: "create"; columnId: string | null } | { mode: "edit"; card: BoardCardState };

const toolButton =
  "rounded border border-teal-800 bg-white px-3 py-1.5 text-sm font-medium text-teal-900 hover:bg-teal-50 focus:outline-none focus:ring-2 focus:ring-teal-700";

function excerpt(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 80 ? `${line.slice(0, 77)}…` : line;
}

/**
 * The live board: everything the people on it do becomes an op through the board client, which
 * applies it at once (optimistic), keeps it until the server acknowledged it (also across a page
 * reload) and resends it after a reconnect. The server's snapshot from the page renders until the
 * client has joined.
 */
export function BoardApp({ boardId, initialSnapshot }: Props) {
  const t = useTranslations("boardView");
  const te = useTranslations("errors");
  const ta = useTranslations("boardAnnounce");
  const { view, controller, onRemoteEvent } = useBoard(boardId, initialSnapshot.me.id);
  const snapshot = view?.snapshot ?? initialSnapshot;
  const connection = view?.connection ?? "connecting";
  const [editing, setEditing] = useState<Editing | null>(null);
  const [grouping, setGrouping] = useState<BoardCardState | null>(null);
  const [undo, setUndo] = useState<{ cardId: string; text: string } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [followMe, setFollowMe] = useState(false);
  // Participants follow the moderator's view by default; co-moderators may opt in.
  const [following, setFollowing] = useState(!initialSnapshot.me.canModerate);
  const [sortedView, setSortedView] = useState(false);
  const focusCardRef = useRef<string | null>(null);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const setFocus = (cardId: string) => {
    focusCardRef.current = cardId;
  };
  const { board, me } = snapshot;
  const writable = me.canWrite && (!board.closedReason || (board.closedReason === "locked" && me.canModerate));
  const canvas = board.kind === "canvas";
  const submit = useCallback((op: BoardOpInput) => controller?.submit(op), [controller]);

  // Screen readers hear what others changed, politely and without names on anonymous boards.
  const snapshotRef = useRef(snapshot);
  useEffect(() => {
    snapshotRef.current = snapshot;
  }, [snapshot]);
  useEffect(() => {
    if (!onRemoteEvent) return;
    return onRemoteEvent((event: BoardEvent) => {
      const payload = event.payload as { card?: { text?: string }; group?: { title?: string } };
      const text = excerpt(payload.card?.text ?? "");
      const messages: Record<BoardEvent["type"], string> = {
        "card.create": ta("cardCreated", { text }),
        "card.update": ta("cardUpdated", { text }),
        "card.delete": ta("cardDeleted"),
        "card.restore": ta("cardRestored", { text }),
        "group.create": ta("groupCreated"),
        "group.update": ta("groupUpdated", { title: payload.group?.title || "–" }),
        "group.delete": ta("groupDeleted"),
        "vote.set": ta("votesChanged"),
        "board.update": ta("boardUpdated"),
      };
      setAnnouncement(messages[event.type]);
    });
  }, [onRemoteEvent, ta]);

  // Focus follows a card the keyboard just created or moved (it may have re-mounted elsewhere).
  useEffect(() => {
    const id = focusCardRef.current;
    if (!id || document.querySelector("dialog[open]")) return;
    const element = document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(id)}"]`);
    if (!element) return;
    if (document.activeElement !== element) element.focus();
    focusCardRef.current = null;
  });

  // A spotlit card scrolls into everybody's view.
  useEffect(() => {
    if (!board.spotlightCardId) return;
    document.querySelector(`[data-card-id="${CSS.escape(board.spotlightCardId)}"]`)?.scrollIntoView({ block: "nearest", inline: "nearest", behavior: "smooth" });
  }, [board.spotlightCardId]);

  // "Follow me": participants' boards scroll to where the moderator looks.
  const followTarget = view?.followTarget ?? null;
  useEffect(() => {
    if (!followTarget || !following || followMe) return;
    scrollRef.current?.scrollTo({ left: followTarget.x, top: followTarget.y, behavior: "smooth" });
  }, [followTarget, following, followMe]);

  const onScroll = useCallback(() => {
    const element = scrollRef.current;
    if (followMe && element) controller?.followView(element.scrollLeft, element.scrollTop);
  }, [followMe, controller]);

  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => setUndo(null), 15_000);
    return () => clearTimeout(timer);
  }, [undo]);

  const openCreate = useCallback(
    (columnId: string | null) => {
      if (!writable) return;
      setEditing({ mode: "create", columnId: canvas ? null : (columnId ?? sortedColumns(snapshot.columns)[0]?.id ?? null) });
    },
    [writable, canvas, snapshot.columns],
  );

  // N creates a card anywhere on the board (in the focused card's column on column boards).
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key.toLowerCase() !== "n" || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      if (editing || grouping || document.querySelector("dialog[open]")) return;
      const focused = (event.target as HTMLElement | null)?.closest<HTMLElement>("[data-card-id]")?.dataset.cardId;
      const card = focused ? snapshotRef.current.cards.find((c) => c.id === focused) : undefined;
      event.preventDefault();
      openCreate(card ? columnOf(card, snapshotRef.current) : null);
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [openCreate, editing, grouping]);

  function saveEditor(text: string, colour: CardColour) {
    if (!editing) return;
    if (editing.mode === "create") {
      const cardId = newId();
      if (canvas) {
        const spot = freeCanvasSpot(snapshot, scrollRef.current ? { x: scrollRef.current.scrollLeft + 40, y: scrollRef.current.scrollTop + 40 } : undefined);
        submit({ type: "card.create", cardId, text, colour, x: spot.x, y: spot.y, position: positionAtEnd(liveCards(snapshot)) });
      } else {
        const columnId = editing.columnId;
        submit({ type: "card.create", cardId, text, colour, columnId, position: positionAtEnd(columnId ? cardsInColumn(snapshot, columnId) : []) });
      }
      setFocus(cardId);
    } else {
      const card = snapshot.cards.find((c) => c.id === editing.card.id) ?? editing.card;
      const changes: { text?: string; colour?: CardColour } = {};
      if (text !== card.text) changes.text = text;
      if (colour !== card.colour) changes.colour = colour;
      if (Object.keys(changes).length) submit({ type: "card.update", cardId: card.id, baseVersion: editing.card.version, changes });
      setFocus(card.id);
    }
    setEditing(null);
  }

  function groupCards(card: BoardCardState, target: BoardCardState) {
    if (card.id === target.id) return;
    const columnId = canvas ? null : columnOf(target, snapshot);
    if (target.groupId && snapshot.groups.some((g) => g.id === target.groupId)) {
      submit({ type: "card.update", cardId: card.id, baseVersion: card.version, changes: { groupId: target.groupId, ...(columnId ? { columnId } : {}) } });
    } else {
      submit({ type: "group.create", groupId: newId(), cardIds: [target.id, card.id], columnId, x: canvas ? (target.x ?? 0) : null, y: canvas ? (target.y ?? 0) : null });
    }
    setFocus(card.id);
  }

  function moveToColumn(card: BoardCardState, columnId: string) {
    if (columnOf(card, snapshot) === columnId && !card.groupId) return;
    const position = positionAtEnd(cardsInColumn(snapshot, columnId).filter((c) => c.id !== card.id));
    submit({ type: "card.update", cardId: card.id, baseVersion: card.version, changes: { columnId, groupId: null, position } });
    setFocus(card.id);
  }

  const groupOf = (card: BoardCardState): BoardGroupState | undefined => (card.groupId ? snapshot.groups.find((g) => g.id === card.groupId) : undefined);

  const actions: CardActions &
    GroupActions & {
      dropOnto(card: BoardCardState, target: BoardCardState): void;
      place(card: BoardCardState, x: number, y: number): void;
      moveToColumn(card: BoardCardState, columnId: string): void;
      createIn(columnId: string): void;
    } = {
    edit: (card) => setEditing({ mode: "edit", card }),
    remove: (card) => {
      submit({ type: "card.delete", cardId: card.id });
      setUndo({ cardId: card.id, text: excerpt(card.text) });
    },
    vote: (card, delta) => {
      const mine = snapshot.myVotes[card.id] ?? 0;
      submit({ type: "vote.set", cardId: card.id, count: Math.max(0, mine + delta) });
    },
    groupWith: (card) => setGrouping(card),
    ungroup: (card) => {
      const group = groupOf(card);
      const changes = canvas ? { groupId: null, x: clampCoordinate((group?.x ?? card.x ?? 0) + CARD_WIDTH + 60), y: clampCoordinate(group?.y ?? card.y ?? 0) } : { groupId: null };
      submit({ type: "card.update", cardId: card.id, baseVersion: card.version, changes });
      setFocus(card.id);
    },
    spotlight: (card) => submit({ type: "board.update", changes: { spotlightCardId: card?.id ?? null } }),
    move: (card, direction: MoveDirection, big) => {
      if (canvas) {
        const step = big ? CANVAS_BIG_STEP : CANVAS_STEP;
        const dx = direction === "left" ? -step : direction === "right" ? step : 0;
        const dy = direction === "up" ? -step : direction === "down" ? step : 0;
        const group = groupOf(card);
        if (group) {
          const cardsOfGroup = liveCards(snapshot).filter((c) => c.groupId === group.id);
          const x = group.x ?? cardsOfGroup[0]?.x ?? 0;
          const y = group.y ?? cardsOfGroup[0]?.y ?? 0;
          submit({ type: "group.update", groupId: group.id, changes: { x: clampCoordinate(x + dx), y: clampCoordinate(y + dy) } });
        } else {
          submit({ type: "card.update", cardId: card.id, baseVersion: card.version, changes: { x: clampCoordinate((card.x ?? 0) + dx), y: clampCoordinate((card.y ?? 0) + dy) } });
        }
        return;
      }
      const columns = sortedColumns(snapshot.columns);
      const current = columnOf(card, snapshot);
      const index = columns.findIndex((c) => c.id === current);
      if (direction === "left" || direction === "right") {
        const target = columns[index + (direction === "left" ? -1 : 1)];
        if (target) moveToColumn(card, target.id);
        return;
      }
      const list = current ? cardsInColumn(snapshot, current) : [];
      const position = positionForStep(list, card, direction === "up" ? -1 : 1);
      if (position !== null) submit({ type: "card.update", cardId: card.id, baseVersion: card.version, changes: { position } });
      setFocus(card.id);
    },
    renameGroup: (group, title) => submit({ type: "group.update", groupId: group.id, changes: { title } }),
    dissolveGroup: (group) => submit({ type: "group.delete", groupId: group.id }),
    dropOnto: groupCards,
    place: (card, x, y) => submit({ type: "card.update", cardId: card.id, baseVersion: card.version, changes: { x, y, ...(card.groupId ? { groupId: null } : {}) } }),
    moveToColumn,
    createIn: (columnId) => openCreate(columnId),
  };

  const spotlit = board.spotlightCardId ? snapshot.cards.find((c) => c.id === board.spotlightCardId && !c.deleted) : undefined;
  const ranking = useMemo(
    () =>
      liveCards(snapshot)
        .filter((c) => c.votes !== undefined)
        .sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0) || a.position - b.position),
    [snapshot],
  );
  const conflict = view?.conflicts[0];
  const error = view?.lastError;

  return (
    <div className="space-y-3" data-board-kind={board.kind}>
      <div className="flex flex-wrap items-center gap-3">
        <ConnectionStatus connection={connection} pendingCount={view?.pendingCount ?? 0} />
        <PresenceList presence={view?.presence ?? []} meId={me.id} />
        <CountdownTimer endsAt={board.timerEndsAt} />
        <MyDots snapshot={snapshot} />
        {board.anonymous ? (
          <p className="rounded border border-slate-700 bg-white px-2 py-1 text-sm">
            <span aria-hidden="true">◐ </span>
            {t("anonymous")}
          </p>
        ) : null}
      </div>

      {board.closedReason ? (
        <p className="rounded border border-amber-800 bg-amber-50 p-2 text-amber-950">
          <span aria-hidden="true">🔒 </span>
          {t(`closed.${board.closedReason as "locked" | "phase_completed" | "think_tank_closed"}`)}
          {board.closedReason === "locked" && me.canModerate ? ` ${t("closedModerator")}` : ""}
        </p>
      ) : null}

      {error ? (
        <p role="alert" className="rounded border border-red-800 bg-red-50 p-2 text-red-900">
          <span aria-hidden="true">⚠ </span>
          {te.has(error.code as never) ? te(error.code as never) : error.message}
        </p>
      ) : null}

      {spotlit ? (
        <div className="flex flex-wrap items-center gap-2 rounded border-2 border-slate-900 bg-amber-50 p-2">
          <span className="font-semibold">
            <span aria-hidden="true">★ </span>
            {t("spotlight", { text: excerpt(spotlit.text) })}
          </span>
          <button type="button" className={toolButton} onClick={() => document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(spotlit.id)}"]`)?.focus()}>
            {t("goToSpotlight")}
          </button>
        </div>
      ) : null}

      {me.canModerate && board.closedReason !== "phase_completed" && board.closedReason !== "think_tank_closed" ? (
        <ModeratorToolbar snapshot={snapshot} submit={submit} followMe={followMe} onFollowMe={setFollowMe} />
      ) : null}

      <div className="flex flex-wrap items-center gap-2">
        {writable ? (
          <button type="button" className={toolButton} onClick={() => openCreate(null)} aria-keyshortcuts="N">
            <span aria-hidden="true">+ </span>
            {t("newCard")}
          </button>
        ) : null}
        {ranking.length > 0 && totalsVisible(snapshot) && board.votesPerPerson > 0 ? (
          <button type="button" className={toolButton} aria-pressed={sortedView} onClick={() => setSortedView(!sortedView)}>
            {t("sortedByVotes")}
          </button>
        ) : null}
        {!followMe ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={following} onChange={(event) => setFollowing(event.target.checked)} />
            {t("followModerator")}
          </label>
        ) : null}
        <p className="text-sm text-slate-700" id="board-keyboard-help">
          {canvas ? t("keyboardCanvas") : t("keyboardColumns")}
        </p>
      </div>

      {sortedView && totalsVisible(snapshot) ? (
        <section aria-labelledby="board-ranking" className="rounded-lg border border-slate-400 bg-white p-3">
          <h2 id="board-ranking" className="text-lg font-semibold">
            {t("ranking")}
          </h2>
          <ol className="mt-2 list-decimal space-y-1 pl-6" data-testid="board-ranking">
            {ranking.map((card) => (
              <li key={card.id}>
                {excerpt(card.text)} – {t("votes", { count: card.votes ?? 0 })}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {canvas ? (
        <CanvasBoard
          snapshot={snapshot}
          writable={writable}
          actions={actions}
          cursors={board.anonymous ? [] : (view?.cursors ?? [])}
          meId={me.id}
          // A cursor next to a freshly written note would tell who wrote it: none on anonymous boards.
          onCursor={(x, y) => {
            if (!board.anonymous) controller?.moveCursor(x, y);
          }}
          scrollRef={scrollRef}
          onScroll={onScroll}
        />
      ) : (
        <ColumnsBoard snapshot={snapshot} writable={writable} actions={actions} scrollRef={scrollRef} onScroll={onScroll} />
      )}

      <div role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-testid="board-announcer">
        {announcement}
      </div>

      {undo ? (
        <div role="status" className="fixed bottom-4 left-1/2 z-50 flex -translate-x-1/2 items-center gap-3 rounded-lg border border-slate-700 bg-slate-900 px-4 py-2 text-white shadow-lg">
          <span>{t("deleted", { text: undo.text })}</span>
          <button
            type="button"
            className="rounded border border-white px-2 py-0.5 font-medium hover:bg-slate-700 focus:outline-none focus:ring-2 focus:ring-amber-400"
            onClick={() => {
              submit({ type: "card.restore", cardId: undo.cardId });
              setFocus(undo.cardId);
              setUndo(null);
            }}
          >
            {t("undo")}
          </button>
        </div>
      ) : null}

      {editing ? (
        <CardEditor
          key={editing.mode === "edit" ? editing.card.id : "new"}
          title={editing.mode === "edit" ? t("editCard") : t("newCard")}
          initialText={editing.mode === "edit" ? editing.card.text : ""}
          initialColour={editing.mode === "edit" ? editing.card.colour : "yellow"}
          onSave={saveEditor}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {grouping ? (
        <GroupWithDialog
          card={grouping}
          candidates={liveCards(snapshot).filter((c) => c.id !== grouping.id && (!grouping.groupId || c.groupId !== grouping.groupId))}
          onGroup={(target) => {
            groupCards(grouping, target);
            setGrouping(null);
          }}
          onClose={() => {
            setFocus(grouping.id);
            setGrouping(null);
          }}
        />
      ) : null}
      {conflict ? <ConflictDialog key={conflict.clientOpId} conflict={conflict} onResolve={(text) => controller?.resolveConflict(conflict.clientOpId, text)} /> : null}
    </div>
  );
}
