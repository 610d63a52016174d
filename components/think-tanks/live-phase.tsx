"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { io } from "socket.io-client";
import type { PhaseStatus } from "@/db/schema";
import { elapsedSeconds, formatDuration, remainingSeconds } from "@/lib/phases/rules";

export type LivePhase = {
  id: string;
  name: string;
  status: PhaseStatus;
  timeboxMinutes: number | null;
  elapsedSeconds: number;
  /** ISO string while running. */
  runningSince: string | null;
};

type Connection = "connecting" | "live" | "offline";

/**
 * The current phase with a ticking countdown. It watches the think-tank's room and, on every
 * `phase:update`, refreshes the page's server data (the event carries no content: what the
 * viewer may see is decided by the same queries as on load).
 */
export function LivePhaseStatus({ thinkTankId, phase }: { thinkTankId: string; phase: LivePhase | null }) {
  const t = useTranslations("thinkTankLive");
  const router = useRouter();
  const [now, setNow] = useState(() => Date.now());
  const [connection, setConnection] = useState<Connection>("connecting");
  const [announcement, setAnnouncement] = useState("");
  const previous = useRef<string | null>(null);

  useEffect(() => {
    const socket = io({ path: "/socket.io", transports: ["websocket", "polling"] });
    const watch = () => {
      socket.emit("thinkTank:watch", { thinkTankId }, (reply: { ok: boolean }) => setConnection(reply?.ok ? "live" : "offline"));
    };
    socket.on("connect", watch);
    socket.on("disconnect", () => setConnection("offline"));
    socket.on("connect_error", () => setConnection("offline"));
    socket.on("phase:update", (payload: { thinkTankId?: string }) => {
      if (payload?.thinkTankId === thinkTankId) router.refresh();
    });
    return () => {
      socket.disconnect();
    };
  }, [thinkTankId, router]);

  // Tick only while the clock runs.
  const running = phase?.status === "running";
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);

  // Tell screen-reader users when the phase changed under them (not on the first render).
  const key = phase ? `${phase.id}:${phase.status}` : "none";
  useEffect(() => {
    if (previous.current !== null && previous.current !== key && phase) {
      setAnnouncement(t("updated", { phase: phase.name, status: t(`phaseStatus.${phase.status}`) }));
    }
    previous.current = key;
  }, [key, phase, t]);

  const clock = phase ? { timeboxMinutes: phase.timeboxMinutes, elapsedSeconds: phase.elapsedSeconds, runningSince: phase.runningSince } : null;
  const remaining = clock ? remainingSeconds(clock, new Date(now)) : null;

  return (
    <section aria-labelledby={`live-phase-${thinkTankId}`} className="mb-6 rounded-lg border border-teal-800 bg-teal-50 p-4" data-testid="live-phase">
      <h2 id={`live-phase-${thinkTankId}`} className="text-sm font-semibold uppercase tracking-wide text-teal-900">
        {t("region")}
      </h2>
      {phase ? (
        <div className="mt-1 flex flex-wrap items-baseline gap-x-4 gap-y-1">
          <p className="text-xl font-bold" data-testid="current-phase-name">
            {phase.name}
          </p>
          <p className="font-medium" data-testid="current-phase-status">
            <span aria-hidden="true">{phase.status === "running" ? "▶ " : phase.status === "paused" ? "⏸ " : phase.status === "completed" ? "✓ " : "○ "}</span>
            {t(`phaseStatus.${phase.status}`)}
          </p>
          <p className="font-mono" role="timer" aria-live="off" suppressHydrationWarning>
            {remaining === null
              ? `${t("noTimebox")} · ${t("elapsed", { time: formatDuration(elapsedSeconds(clock!, new Date(now))) })}`
              : remaining >= 0
                ? t("remaining", { time: formatDuration(remaining) })
                : t("overtime", { time: formatDuration(-remaining) })}
          </p>
        </div>
      ) : (
        <p className="mt-1" data-testid="current-phase-name">
          {t("none")}
        </p>
      )}
      <p className="mt-2 text-sm text-slate-700" data-connection={connection}>
        {t(connection === "live" ? "live" : connection === "connecting" ? "connecting" : "offline")}
      </p>
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
