import type { ThinkTankStatus } from "@/db/schema";

const styles: Record<ThinkTankStatus, { icon: string; className: string }> = {
  convening: { icon: "✦", className: "border-indigo-800 bg-indigo-50 text-indigo-900" },
  active: { icon: "▶", className: "border-teal-800 bg-teal-50 text-teal-900" },
  paused: { icon: "⏸", className: "border-amber-800 bg-amber-50 text-amber-900" },
  concluded: { icon: "✓", className: "border-slate-700 bg-slate-100 text-slate-900" },
  archived: { icon: "▣", className: "border-slate-500 bg-white text-slate-700" },
};

/** Status as text with an icon; colour is only an extra signal. */
export function StatusBadge({ status, label }: { status: ThinkTankStatus; label: string }) {
  const s = styles[status];
  return (
    <span className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-sm font-medium ${s.className}`} data-status={status}>
      <span aria-hidden="true">{s.icon}</span>
      {label}
    </span>
  );
}
