import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { LivePhaseStatus } from "@/components/think-tanks/live-phase";
import { StatusBadge } from "@/components/think-tanks/status-badge";
import { WorkspaceTabs } from "@/components/workspace/workspace-tabs";
import { orNotFound } from "@/components/workspace/page-guard";
import { requireUser } from "@/lib/auth/session";
import { getThinkTank } from "@/lib/think-tanks/queries";

type Props = { children: ReactNode; params: Promise<{ id: string }> };

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const t = await getTranslations("thinkTanks");
  // The title only for who may see it; the page itself answers 404 otherwise.
  try {
    const user = await requireUser(`/think-tanks/${id}`);
    const { thinkTank } = await getThinkTank(user, id);
    return { title: thinkTank.title };
  } catch {
    return { title: t("title") };
  }
}

export default async function ThinkTankLayout({ children, params }: Props) {
  const { id } = await params;
  const base = `/think-tanks/${encodeURIComponent(id)}`;
  const user = await requireUser(base);
  const [t, detail] = await Promise.all([getTranslations("thinkTanks"), orNotFound(getThinkTank(user, id), base)]);
  const { thinkTank, currentPhase, can } = detail;
  const tabs = [
    { href: base, label: t("tabs.overview"), exact: true },
    { href: `${base}/phases`, label: t("tabs.phases") },
    { href: `${base}/participants`, label: t("tabs.participants") },
    { href: `${base}/outcome`, label: t("tabs.outcome") },
    ...(can.edit || can.changeStatus ? [{ href: `${base}/settings`, label: t("tabs.settings") }] : []),
  ];
  return (
    <div>
      <header className="mb-4">
        <p className="text-sm font-medium uppercase tracking-wide text-slate-600">{t("title")}</p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-3xl font-bold">{thinkTank.title}</h1>
          <StatusBadge status={thinkTank.status} label={t(`status.${thinkTank.status}`)} />
        </div>
        <p className="mt-1 max-w-3xl text-lg text-slate-800">{thinkTank.question}</p>
      </header>
      <LivePhaseStatus
        thinkTankId={thinkTank.id}
        phase={
          currentPhase
            ? {
                id: currentPhase.id,
                name: currentPhase.name,
                status: currentPhase.status,
                timeboxMinutes: currentPhase.timeboxMinutes,
                elapsedSeconds: currentPhase.elapsedSeconds,
                runningSince: currentPhase.runningSince ? currentPhase.runningSince.toISOString() : null,
              }
            : null
        }
      />
      <WorkspaceTabs label={t("tabs.label")} tabs={tabs} />
      {children}
    </div>
  );
}
