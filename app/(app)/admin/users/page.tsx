import { getTranslations } from "next-intl/server";
import { DisableForm, RoleForm } from "@/components/admin/user-row-actions";
import { requirePermission } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/queries";

export async function generateMetadata() {
  const t = await getTranslations("admin");
  return { title: t("usersTitle") };
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const actor = await requirePermission("users.list", "/admin/users");
  const { q = "" } = await searchParams;
  const [t, people] = await Promise.all([getTranslations("admin"), listUsers(actor, { q })]);
  return (
    <section aria-labelledby="users-title">
      <h2 id="users-title" className="mb-3 text-2xl font-semibold">
        {t("usersTitle")}
      </h2>
      <form role="search" className="mb-4 flex gap-2" action="/admin/users">
        <label htmlFor="user-search" className="sr-only">
          {t("search")}
        </label>
        <input id="user-search" name="q" defaultValue={q} placeholder={t("search")} className="w-full max-w-md rounded border border-slate-400 px-3 py-2" />
        <button type="submit" className="rounded bg-teal-800 px-4 py-2 font-semibold text-white">
          {t("searchSubmit")}
        </button>
      </form>
      {people.length === 0 ? <p>{t("noUsers")}</p> : null}
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">{t("columns.name")}</th>
              <th scope="col" className="p-2">{t("columns.email")}</th>
              <th scope="col" className="p-2">{t("columns.organisation")}</th>
              <th scope="col" className="p-2">{t("columns.role")}</th>
              <th scope="col" className="p-2">{t("columns.status")}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id} className="border-b border-slate-200 align-top">
                <th scope="row" className="p-2 font-medium">{p.name}</th>
                <td className="p-2">{p.email}</td>
                <td className="p-2">{p.organisation}</td>
                <td className="p-2">
                  <RoleForm user={{ id: p.id, name: p.name, role: p.role }} />
                </td>
                <td className="p-2">
                  <p className="mb-1">{p.disabledAt ? `⛔ ${t("disabled")}` : `✓ ${t("active")}`}</p>
                  {p.id !== actor.id ? <DisableForm user={{ id: p.id, name: p.name, disabled: Boolean(p.disabledAt) }} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
