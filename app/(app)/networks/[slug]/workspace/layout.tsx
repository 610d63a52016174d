import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { loadWorkspace } from "@/components/workspace/load-workspace";
import { WorkspaceTabs } from "@/components/workspace/workspace-tabs";

/** The Work-Space frame: only members, admins and moderators get past loadWorkspace; everybody else sees a 404. */
export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { network, context, can, user } = await loadWorkspace(slug);
  const [t, tm, tr] = await Promise.all([getTranslations("workspace"), getTranslations("members"), getTranslations("roles")]);
  const base = `/networks/${network.slug}/workspace`;
  const tabs = [
    { href: base, label: t("tabs.overview"), exact: true },
    { href: `${base}/members`, label: t("tabs.members") },
    { href: `${base}/tasks`, label: t("tabs.tasks") },
    { href: `${base}/groups`, label: t("tabs.groups") },
    { href: `${base}/problems`, label: t("tabs.problems") },
    { href: `${base}/announcements`, label: t("tabs.announcements") },
    ...(can("network.edit") ? [{ href: `/networks/${network.slug}/settings`, label: t("tabs.settings") }] : []),
  ];
  return (
    <div>
      <header className="mb-4">
        <p className="text-sm font-semibold uppercase tracking-wide text-teal-900">{t("kicker")}</p>
        <h1 className="text-3xl font-bold">{network.name}</h1>
        <p className="mt-1 text-sm text-slate-700">
          {t("statusLabel", { status: t(`status.${network.status}`) })}
          {" · "}
          {context.networkRole
            ? t("yourRole", { role: tm(`roles.${context.networkRole}`) })
            : user
              ? t("hostView", { role: tr(user.role) })
              : null}
          {network.listed ? (
            <>
              {" · "}
              <Link className="text-teal-800 underline" href={`/networks/${network.slug}`}>
                {t("publicPage")}
              </Link>
            </>
          ) : null}
        </p>
        {network.status !== "active" ? (
          <p role="note" className="mt-3 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950">
            <span aria-hidden="true">⏸ </span>
            {network.status === "paused" ? t("pausedNote") : t("archivedNote")}
          </p>
        ) : null}
      </header>
      <WorkspaceTabs label={t("tabsLabel", { network: network.name })} tabs={tabs} />
      {children}
    </div>
  );
}
