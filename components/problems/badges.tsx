import { useTranslations } from "next-intl";
import type { ProblemStatus, Urgency } from "@/db/schema";

/* Urgency and status always carry a text and a shape; the colour only repeats what they say. */

const urgencyStyle: Record<Urgency, { icon: string; className: string }> = {
  high: { icon: "▲▲▲", className: "border-red-800 bg-red-50 text-red-900" },
  medium: { icon: "▲▲", className: "border-amber-800 bg-amber-50 text-amber-900" },
  low: { icon: "▲", className: "border-slate-500 bg-slate-50 text-slate-800" },
};

const statusStyle: Record<ProblemStatus, { icon: string; className: string }> = {
  open: { icon: "○", className: "border-sky-800 bg-sky-50 text-sky-900" },
  escalated: { icon: "⇪", className: "border-violet-800 bg-violet-50 text-violet-900" },
  in_think_tank: { icon: "◎", className: "border-indigo-800 bg-indigo-50 text-indigo-900" },
  resolved: { icon: "✓", className: "border-green-800 bg-green-50 text-green-900" },
  withdrawn: { icon: "✕", className: "border-slate-500 bg-slate-100 text-slate-800" },
};

const badge = "inline-flex items-center gap-1 rounded border px-2 py-0.5 text-sm font-medium";

export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  const t = useTranslations("problems");
  const style = urgencyStyle[urgency];
  return (
    <span className={`${badge} ${style.className}`} data-urgency={urgency}>
      <span aria-hidden="true" className="text-xs tracking-tighter">
        {style.icon}
      </span>
      {t("urgencyLabel", { urgency: t(`urgency.${urgency}`) })}
    </span>
  );
}

export function StatusBadge({ status }: { status: ProblemStatus }) {
  const t = useTranslations("problems");
  const style = statusStyle[status];
  return (
    <span className={`${badge} ${style.className}`} data-status={status}>
      <span aria-hidden="true">{style.icon}</span>
      {t("statusLabel", { status: t(`status.${status}`) })}
    </span>
  );
}
