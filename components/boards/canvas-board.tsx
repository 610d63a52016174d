"use client";

import { useRef, useState, type PointerEvent, type RefObject } from "react";
import { useTranslations } from "next-intl";
import type { BoardCardState, BoardSnapshot, CursorMove } from "@/lib/realtime/events";
import { CARD_HEIGHT, CARD_WIDTH, byPosition, clampCoordinate, groupsOf, liveCards } from "./board-model";
import { CardItem, type CardActions } from "./card-item";
import { GroupHeader, type GroupActions } from "./group-header";

type Props = {
  snapshot: BoardSnapshot;
  writable: boolean;
  actions: CardActions & GroupActions & {
    /** A pointer drag ended on another card: group the two. */
    dropOnto(card: BoardCardState, target: BoardCardState): void;
    /** A pointer drag ended on free space: place the card (out of its group) there. */
    place(card: BoardCardState, x: number, y: number): void;
  };
  cursors: CursorMove[];
  meId: string;
  onCursor(x: number, y: number): void;
  scrollRef: RefObject<HTMLDivElement | null>;
  onScroll(): void;
};

type Drag = { cardId: string; pointerId: number; startX: number; startY: number; originX: number; originY: number; dx: number; dy: number; moved: boolean };

const DRAG_THRESHOLD = 4;

/**
 * The free canvas: notes sit at their x/y; groups are framed with their cards stacked at the
 * group's position. Pointer dragging moves a note or drops it onto another one (a group); the
 * keyboard does the same through the note's own keys and buttons.
 */
export function CanvasBoard({ snapshot, writable, actions, cursors, meId, onCursor, scrollRef, onScroll }: Props) {
  const t = useTranslations("boardView");
  const surface = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const groups = groupsOf(snapshot);
  const loose = liveCards(snapshot)
    .filter((c) => !c.groupId || !groups.has(c.groupId))
    .sort(byPosition);
  const positioned = [...loose.map((c) => ({ x: c.x ?? 0, y: c.y ?? 0 })), ...[...groups.values()].map(({ group, cards }) => ({ x: group.x ?? cards[0]?.x ?? 0, y: group.y ?? cards[0]?.y ?? 0 }))];
  const width = Math.max(1600, ...positioned.map((p) => p.x + CARD_WIDTH + 200));
  const height = Math.max(900, ...positioned.map((p) => p.y + CARD_HEIGHT * 3 + 200));

  function startDrag(card: BoardCardState, origin: { x: number; y: number }) {
    return (event: PointerEvent<HTMLElement>) => {
      if (!writable || event.button !== 0) return;
      if ((event.target as HTMLElement).closest("button, input, textarea, select, a")) return;
      event.currentTarget.setPointerCapture(event.pointerId);
      setDrag({ cardId: card.id, pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, originX: origin.x, originY: origin.y, dx: 0, dy: 0, moved: false });
    };
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    const rect = surface.current?.getBoundingClientRect();
    if (rect) onCursor(clampCoordinate(event.clientX - rect.left), clampCoordinate(event.clientY - rect.top));
    if (!drag || drag.pointerId !== event.pointerId) return;
    const dx = event.clientX - drag.startX;
    const dy = event.clientY - drag.startY;
    setDrag({ ...drag, dx, dy, moved: drag.moved || Math.abs(dx) + Math.abs(dy) > DRAG_THRESHOLD });
  }

  function onPointerUp(event: PointerEvent<HTMLDivElement>) {
    if (!drag || drag.pointerId !== event.pointerId) return;
    setDrag(null);
    if (!drag.moved) return;
    const card = snapshot.cards.find((c) => c.id === drag.cardId);
    if (!card) return;
    const under = document
      .elementsFromPoint(event.clientX, event.clientY)
      .map((element) => element.closest<HTMLElement>("[data-card-id]"))
      .find((element) => element && element.dataset.cardId !== card.id);
    const target = under ? snapshot.cards.find((c) => c.id === under.dataset.cardId && !c.deleted) : undefined;
    if (target) actions.dropOnto(card, target);
    else actions.place(card, clampCoordinate(drag.originX + drag.dx), clampCoordinate(drag.originY + drag.dy));
  }

  function dragStyle(card: BoardCardState, x: number, y: number) {
    const active = drag?.cardId === card.id && drag.moved;
    return { left: x + (active ? drag.dx : 0), top: y + (active ? drag.dy : 0), width: CARD_WIDTH, zIndex: active ? 50 : undefined, pointerEvents: active ? ("none" as const) : undefined };
  }

  const others = cursors.filter((c) => c.userId !== meId);

  return (
    <div ref={scrollRef} onScroll={onScroll} role="region" aria-label={t("canvasRegion")} tabIndex={-1} className="relative h-[70vh] overflow-auto rounded-lg border border-slate-400 bg-slate-50">
      <div
        ref={surface}
        className="relative"
        style={{ width, height, backgroundImage: "radial-gradient(#cbd5e1 1px, transparent 1px)", backgroundSize: "20px 20px" }}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setDrag(null)}
      >
        {liveCards(snapshot).length === 0 ? <p className="absolute left-6 top-6 text-slate-700">{t("emptyCanvas")}</p> : null}
        {loose.map((card) => (
          <CardItem
            key={card.id}
            card={card}
            snapshot={snapshot}
            writable={writable}
            actions={actions}
            moves={{ left: true, right: true, up: true, down: true }}
            showMoveButtons={false}
            onPointerDown={startDrag(card, { x: card.x ?? 0, y: card.y ?? 0 })}
            style={dragStyle(card, card.x ?? 0, card.y ?? 0)}
            className="absolute touch-none"
          />
        ))}
        {[...groups.values()].map(({ group, cards }) => {
          const x = group.x ?? cards[0]?.x ?? 0;
          const y = group.y ?? cards[0]?.y ?? 0;
          return (
            <section key={group.id} aria-labelledby={`group-${group.id}-title`} data-group-id={group.id} className="absolute rounded-lg border-2 border-dashed border-slate-700 bg-white/70 p-2" style={{ left: x, top: y, width: CARD_WIDTH + 24 }}>
              <GroupHeader group={group} count={cards.length} writable={writable} actions={actions} />
              <ol className="mt-2 space-y-2">
                {cards.map((card) => (
                  <li key={card.id}>
                    <CardItem
                      card={card}
                      snapshot={snapshot}
                      writable={writable}
                      actions={actions}
                      moves={{ left: true, right: true, up: true, down: true }}
                      showMoveButtons={false}
                      onPointerDown={startDrag(card, { x, y })}
                      style={drag?.cardId === card.id && drag.moved ? { transform: `translate(${drag.dx}px, ${drag.dy}px)`, position: "relative", zIndex: 50, pointerEvents: "none" } : undefined}
                      className="touch-none"
                    />
                  </li>
                ))}
              </ol>
            </section>
          );
        })}
        {others.map((cursor) => (
          <div key={cursor.userId} aria-hidden="true" data-cursor={cursor.name} className="pointer-events-none absolute z-40" style={{ left: cursor.x, top: cursor.y }}>
            <span className="block h-0 w-0 border-x-[6px] border-b-[12px] border-x-transparent border-b-slate-900" />
            <span className="rounded bg-slate-900 px-1 text-xs text-white">{cursor.name}</span>
          </div>
        ))}
      </div>
    </div>
  );
}
