"use client";

import type { DragEvent, RefObject } from "react";
import { useTranslations } from "next-intl";
import type { BoardCardState, BoardColumnState, BoardSnapshot } from "@/lib/realtime/events";
import { cardsInColumn, sortedColumns } from "./board-model";
import { CardItem, type CardActions } from "./card-item";
import { GroupHeader, type GroupActions } from "./group-header";

type Props = {
  snapshot: BoardSnapshot;
  writable: boolean;
  actions: CardActions &
    GroupActions & {
      dropOnto(card: BoardCardState, target: BoardCardState): void;
      moveToColumn(card: BoardCardState, columnId: string): void;
      createIn(columnId: string): void;
    };
  scrollRef: RefObject<HTMLDivElement | null>;
  onScroll(): void;
};

const DRAG_TYPE = "application/x-netzwerkstatt-card";

type Block = { kind: "card"; card: BoardCardState } | { kind: "group"; groupId: string; cards: BoardCardState[] };

/** A column's cards in order; a group shows where its first card stands. */
function blocks(cards: BoardCardState[], snapshot: BoardSnapshot): Block[] {
  const groupIds = new Set(snapshot.groups.map((g) => g.id));
  const out: Block[] = [];
  const seen = new Set<string>();
  for (const card of cards) {
    if (card.groupId && groupIds.has(card.groupId)) {
      if (seen.has(card.groupId)) continue;
      seen.add(card.groupId);
      out.push({ kind: "group", groupId: card.groupId, cards: cards.filter((c) => c.groupId === card.groupId) });
    } else out.push({ kind: "card", card });
  }
  return out;
}

export function ColumnsBoard({ snapshot, writable, actions, scrollRef, onScroll }: Props) {
  const t = useTranslations("boardView");
  const columns = sortedColumns(snapshot.columns);

  function onDrop(column: BoardColumnState) {
    return (event: DragEvent<HTMLElement>) => {
      const cardId = event.dataTransfer.getData(DRAG_TYPE);
      const card = snapshot.cards.find((c) => c.id === cardId && !c.deleted);
      if (!card) return;
      event.preventDefault();
      const targetId = (event.target as HTMLElement).closest<HTMLElement>("[data-card-id]")?.dataset.cardId;
      const target = targetId && targetId !== card.id ? snapshot.cards.find((c) => c.id === targetId && !c.deleted) : undefined;
      if (target) actions.dropOnto(card, target);
      else actions.moveToColumn(card, column.id);
    };
  }

  function renderCard(card: BoardCardState, index: number, list: BoardCardState[], columnIndex: number) {
    return (
      <CardItem
        card={card}
        snapshot={snapshot}
        writable={writable}
        actions={actions}
        showMoveButtons
        moves={{ left: columnIndex > 0, right: columnIndex < columns.length - 1, up: index > 0, down: index < list.length - 1 }}
        draggable={writable}
        onDragStart={(event) => {
          event.dataTransfer.setData(DRAG_TYPE, card.id);
          event.dataTransfer.effectAllowed = "move";
        }}
      />
    );
  }

  return (
    <div ref={scrollRef} onScroll={onScroll} className="overflow-x-auto pb-2">
      <div className="flex gap-4" style={{ minWidth: columns.length * 272 }}>
        {columns.map((column, columnIndex) => {
          const list = cardsInColumn(snapshot, column.id);
          return (
            <section
              key={column.id}
              aria-labelledby={`column-${column.id}`}
              data-column-id={column.id}
              onDragOver={(event) => {
                if (writable && event.dataTransfer.types.includes(DRAG_TYPE)) event.preventDefault();
              }}
              onDrop={onDrop(column)}
              className="w-64 shrink-0 rounded-lg border border-slate-400 bg-slate-50 p-3"
            >
              <h3 id={`column-${column.id}`} className="text-lg font-semibold">
                {column.title}
                <span className="ml-1 text-sm font-normal text-slate-700">{t("columnCount", { count: list.length })}</span>
              </h3>
              {writable ? (
                <button
                  type="button"
                  onClick={() => actions.createIn(column.id)}
                  aria-label={t("addCardTo", { column: column.title })}
                  className="mt-2 w-full rounded border border-teal-800 bg-white px-2 py-1 text-sm font-medium text-teal-900 hover:bg-teal-50 focus:outline-none focus:ring-2 focus:ring-teal-700"
                >
                  <span aria-hidden="true">+ </span>
                  {t("addCard")}
                </button>
              ) : null}
              {list.length === 0 ? <p className="mt-2 text-sm text-slate-700">{t("emptyColumn")}</p> : null}
              <ol className="mt-2 space-y-2" aria-labelledby={`column-${column.id}`}>
                {blocks(list, snapshot).map((block) => {
                  if (block.kind === "card") return <li key={block.card.id}>{renderCard(block.card, list.indexOf(block.card), list, columnIndex)}</li>;
                  const group = snapshot.groups.find((g) => g.id === block.groupId)!;
                  return (
                    <li key={block.groupId}>
                      <section aria-labelledby={`group-${group.id}-title`} data-group-id={group.id} className="rounded-lg border-2 border-dashed border-slate-700 bg-white/70 p-2">
                        <GroupHeader group={group} count={block.cards.length} writable={writable} actions={actions} />
                        <ol className="mt-2 space-y-2">
                          {block.cards.map((card) => (
                            <li key={card.id}>{renderCard(card, list.indexOf(card), list, columnIndex)}</li>
                          ))}
                        </ol>
                      </section>
                    </li>
                  );
                })}
              </ol>
            </section>
          );
        })}
      </div>
    </div>
  );
}
