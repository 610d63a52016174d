import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { NavLink } from "@/components/shell/nav-link";
import { requirePermission } from "@/lib/auth/session";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requirePermission("admin.view", "/admin");
  const [t, tp, td] = await Promise.all([getTranslations("admin"), getTranslations("adminProposals"), getTranslations("adminDirectory")]);
  return (
    <div>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <nav aria-label={t("title")} className="mb-6 border-b border-slate-200 pb-2">
        <ul className="flex gap-2">
          <li>
            <NavLink href="/admin/users">{t("tabs.users")}</NavLink>
          </li>
          <li>
            <NavLink href="/admin/outbox">{t("tabs.outbox")}</NavLink>
          </li>
          <li>
            <NavLink href="/admin/audit">{t("tabs.audit")}</NavLink>
          </li>
          <li>
            <NavLink href="/admin/proposals">{tp("tab")}</NavLink>
          </li>
          <li>
            <NavLink href="/admin/directory">{td("tab")}</NavLink>
          </li>
        </ul>
      </nav>
      {children}
    </div>
  );
}
