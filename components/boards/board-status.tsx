"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import type { BoardSnapshot, PresenceEntry } from "@/lib/realtime/events";
import { initials, votesRemaining } from "./board-model";
import type { BoardConnection } from "./types";

const connectionStyle: Record<BoardConnection, string> = {
  online: "border-green-800 bg-green-50 text-green-900",
  connecting: "border-amber-700 bg-amber-50 text-amber-900",
  offline: "border-red-800 bg-red-50 text-red-900",
  unauthorized: "border-red-800 bg-red-50 text-red-900",
  refused: "border-red-800 bg-red-50 text-red-900",
};
const connectionIcon: Record<BoardConnection, string> = { online: "●", connecting: "◌", offline: "✕", unauthorized: "✕", refused: "✕" };

/** Connection state and unsaved changes: always on screen, in words (not only by colour). */
export function ConnectionStatus({ connection, pendingCount }: { connection: BoardConnection; pendingCount: number }) {
  const t = useTranslations("boardStatus");
  return (
    <div data-testid="board-connection" className={`flex flex-wrap items-center gap-2 rounded border px-2 py-1 text-sm ${connectionStyle[connection]}`}>
      <span>
        <span aria-hidden="true">{connectionIcon[connection]} </span>
        {t(`connection.${connection}`)}
      </span>
      <span data-testid="board-pending" className="font-medium">
        {pendingCount === 0 ? t("allSaved") : t("pending", { count: pendingCount })}
      </span>
    </div>
  );
}

export function PresenceList({ presence, meId }: { presence: PresenceEntry[]; meId: string }) {
  const t = useTranslations("boardStatus");
  const unique = [...new Map(presence.map((p) => [p.userId, p])).values()];
  return (
    <section aria-label={t("presenceTitle", { count: unique.length })} className="flex flex-wrap items-center gap-2">
      <h2 className="text-sm font-semibold">{t("presenceTitle", { count: unique.length })}</h2>
      <ul className="flex flex-wrap gap-2" data-testid="board-presence">
        {unique.map((person) => (
          <li key={person.userId} className="flex items-center gap-1 rounded-full border border-slate-500 bg-white py-0.5 pl-0.5 pr-2 text-sm">
            <span aria-hidden="true" className="flex h-6 w-6 items-center justify-center rounded-full bg-teal-800 text-xs font-bold text-white">
              {initials(person.name)}
            </span>
            {person.userId === meId ? t("you", { name: person.name }) : person.name}
          </li>
        ))}
      </ul>
    </section>
  );
}

function remainingSeconds(endsAt: string): number {
  return Math.max(0, Math.round((new Date(endsAt).getTime() - Date.now()) / 1000));
}

/** The moderator's countdown, the same for everybody (it counts towards a shared end time). */
export function CountdownTimer({ endsAt }: { endsAt: string | null }) {
  const t = useTranslations("boardStatus");
  const [seconds, setSeconds] = useState<number | null>(null);
  useEffect(() => {
    if (!endsAt) return;
    const tick = () => setSeconds(remainingSeconds(endsAt));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [endsAt]);
  if (!endsAt || seconds === null) return null;
  const text = seconds > 0 ? `${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}` : null;
  return (
    <p role="timer" aria-label={t("timerLabel")} className={`rounded border px-2 py-1 font-mono text-sm font-semibold ${text ? "border-slate-700 bg-white" : "border-red-800 bg-red-50 text-red-900"}`}>
      <span aria-hidden="true">⏱ </span>
      {text ? t("timer", { time: text }) : t("timerDone")}
    </p>
  );
}

export function MyDots({ snapshot }: { snapshot: BoardSnapshot }) {
  const t = useTranslations("boardStatus");
  if (snapshot.board.votesPerPerson <= 0) return null;
  const left = votesRemaining(snapshot);
  return (
    <p data-testid="board-my-dots" className="rounded border border-slate-700 bg-white px-2 py-1 text-sm">
      {t("dotsLeft", { left, total: snapshot.board.votesPerPerson })}
      {snapshot.board.votesHidden && !snapshot.board.votesRevealed ? ` · ${t("votesHidden")}` : ""}
    </p>
  );
}
