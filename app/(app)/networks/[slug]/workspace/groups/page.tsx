import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { orNotFound } from "@/components/workspace/page-guard";
import {
  AddWorkingGroupMemberForm,
  CreateWorkingGroupForm,
  DeleteWorkingGroupForm,
  RemoveWorkingGroupMemberButton,
  RenameWorkingGroupForm,
} from "@/components/working-groups/group-forms";
import { requireUser } from "@/lib/auth/session";
import { listWorkingGroups } from "@/lib/working-groups/queries";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata() {
  const t = await getTranslations("workingGroups");
  return { title: t("title") };
}

export default async function WorkingGroupsPage({ params }: Props) {
  const { slug } = await params;
  const path = `/networks/${encodeURIComponent(slug)}/workspace/groups`;
  const user = await requireUser(path);
  const [t, view] = await Promise.all([getTranslations("workingGroups"), orNotFound(listWorkingGroups({ actor: user, network: slug }), path)]);
  const networkSlug = view.network.slug;
  const tasksList = `/networks/${encodeURIComponent(networkSlug)}/workspace/tasks/list`;
  return (
    <section aria-labelledby="groups-title">
      <h2 id="groups-title" className="text-2xl font-semibold">
        {t("title")}
      </h2>
      <p className="mb-1 mt-1 text-slate-700">{t("lead")}</p>
      <p className="mb-6 text-sm text-slate-600">{t("manageNote")}</p>

      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <div>
          {view.groups.length === 0 ? <p className="rounded-lg border border-slate-200 bg-white p-4">{t("empty")}</p> : null}
          <ul className="space-y-4">
            {view.groups.map((group) => {
              const headingId = `group-${group.id}`;
              const memberIds = new Set(group.members.map((m) => m.id));
              return (
                <li key={group.id}>
                  <article aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4">
                    <h3 id={headingId} className="text-xl font-semibold">
                      {group.name}
                    </h3>
                    {group.description ? <p className="mt-1 text-slate-700">{group.description}</p> : null}
                    <p className="mt-1 text-sm">
                      <Link href={`${tasksList}?group=${encodeURIComponent(group.id)}`} aria-label={t("showTasks", { name: group.name })} className="text-teal-800 underline">
                        {t("openTasks", { count: group.openTaskCount })}
                      </Link>
                    </p>
                    <h4 className="mt-3 font-semibold">{t("members")}</h4>
                    {group.members.length === 0 ? (
                      <p className="text-sm text-slate-600">{t("noMembers")}</p>
                    ) : (
                      <ul aria-label={`${t("members")}: ${group.name}`} className="mt-1 space-y-1">
                        {group.members.map((m) => (
                          <li key={m.id}>
                            {m.name}
                            {m.organisation ? <span className="text-sm text-slate-600"> · {m.organisation}</span> : null}
                            {view.canManage ? <RemoveWorkingGroupMemberButton slug={networkSlug} group={group} person={m} /> : null}
                          </li>
                        ))}
                      </ul>
                    )}
                    {view.canManage ? (
                      <div className="mt-4 space-y-3 border-t border-slate-200 pt-3">
                        <AddWorkingGroupMemberForm slug={networkSlug} group={group} candidates={view.networkMembers.filter((m) => !memberIds.has(m.id))} />
                        <details>
                          <summary className="cursor-pointer font-medium text-teal-900">{t("rename")}</summary>
                          <div className="mt-2">
                            <RenameWorkingGroupForm slug={networkSlug} group={group} />
                          </div>
                        </details>
                        <details>
                          <summary className="cursor-pointer font-medium text-red-900">{t("delete", { name: group.name })}</summary>
                          <div className="mt-2">
                            <DeleteWorkingGroupForm slug={networkSlug} group={group} />
                          </div>
                        </details>
                      </div>
                    ) : null}
                  </article>
                </li>
              );
            })}
          </ul>
        </div>
        {view.canManage ? (
          <section aria-labelledby="create-group-title" className="h-fit rounded-lg border border-slate-200 bg-white p-4">
            <h3 id="create-group-title" className="mb-3 text-lg font-semibold">
              {t("createTitle")}
            </h3>
            <CreateWorkingGroupForm slug={networkSlug} />
          </section>
        ) : null}
      </div>
    </section>
  );
}
