import { getFormatter, getTranslations } from "next-intl/server";
import { InvitationActions, InviteForm, JoinRequestDecision, LeaveForm, MuteForm, RemoveForm, RoleForm, type SuccessorOption } from "@/components/members/member-forms";
import { loadWorkspace } from "@/components/workspace/load-workspace";
import { membersPage } from "@/lib/memberships/queries";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { network } = await loadWorkspace(slug);
  const t = await getTranslations("members");
  return { title: `${t("title")} – ${network.name}` };
}

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, network } = await loadWorkspace(slug);
  const [page, t, ts, format] = await Promise.all([membersPage(user, network.id), getTranslations("members"), getTranslations("sectors"), getFormatter()]);
  const ref = page.network.slug;
  const lastCoordinator = page.coordinatorCount <= 1;
  // Wherever the only coordinator would step down, the form offers the other members as successors.
  const successorsFor = (userId: string, role: string): SuccessorOption[] | null =>
    role === "coordinator" && lastCoordinator ? page.members.filter((m) => m.userId !== userId).map((m) => ({ userId: m.userId, name: m.name })) : null;
  const manage = page.can.changeRole || page.can.remove;
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });

  return (
    <div className="space-y-10">
      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="mb-1 text-2xl font-semibold">
          {t("title")}
        </h2>
        <p className="mb-3 text-sm text-slate-700">{t("count", { count: page.members.length })}</p>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left">
            <caption className="sr-only">{t("listCaption", { network: page.network.name })}</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-sm">
              <tr>
                <th scope="col" className="p-3">{t("name")}</th>
                <th scope="col" className="p-3">{t("organisation")}</th>
                <th scope="col" className="p-3">{t("sector")}</th>
                <th scope="col" className="p-3">{t("role")}</th>
                <th scope="col" className="p-3">{t("email")}</th>
                {manage ? <th scope="col" className="p-3">{t("actions")}</th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 align-top">
              {page.members.map((m) => (
                <tr key={m.userId}>
                  <th scope="row" className="p-3 font-medium">
                    {m.name} {m.isMe ? <span className="font-normal text-slate-600">{t("you")}</span> : null}
                  </th>
                  <td className="p-3">{m.organisation ?? t("notGiven")}</td>
                  <td className="p-3">{m.sector ? ts(m.sector) : t("notGiven")}</td>
                  <td className="p-3">
                    {m.role === "coordinator" ? <span aria-hidden="true">★ </span> : null}
                    {t(`roles.${m.role}`)}
                  </td>
                  <td className="p-3">
                    {m.email ? (
                      <a className="text-teal-800 underline" href={`mailto:${m.email}`}>
                        {m.email}
                      </a>
                    ) : (
                      t("notGiven")
                    )}
                  </td>
                  {manage ? (
                    <td className="space-y-2 p-3">
                      {page.can.changeRole ? <RoleForm network={ref} member={m} successors={successorsFor(m.userId, m.role)} /> : null}
                      {page.can.remove && !m.isMe ? <RemoveForm network={ref} member={m} successors={successorsFor(m.userId, m.role)} /> : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {page.can.approveJoin || page.joinRequests.length ? (
        <section aria-labelledby="requests-heading">
          <h2 id="requests-heading" className="mb-3 text-2xl font-semibold">
            {t("joinRequestsTitle")}
          </h2>
          {page.joinRequests.length === 0 ? (
            <p>{t("noJoinRequests")}</p>
          ) : (
            <ul className="space-y-3">
              {page.joinRequests.map((r) => (
                <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-4">
                  <p className="font-semibold">{r.name}</p>
                  <p className="text-sm text-slate-700">
                    {[r.organisation, r.sector ? ts(r.sector) : null, r.email].filter(Boolean).join(" · ")} · {t("requestedOn", { date: date(r.createdAt) })}
                  </p>
                  <p className="my-2 whitespace-pre-line">{r.message || <span className="text-slate-600">{t("noMessage")}</span>}</p>
                  {page.can.approveJoin ? <JoinRequestDecision network={ref} request={r} /> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {page.can.invite || page.can.revokeInvitation ? (
        <section aria-labelledby="invitations-heading" className="space-y-6">
          <h2 id="invitations-heading" className="text-2xl font-semibold">
            {t("invitationsTitle")}
          </h2>
          {page.invitations.length === 0 ? (
            <p>{t("noInvitations")}</p>
          ) : (
            <ul className="space-y-3">
              {page.invitations.map((i) => (
                <li key={i.id} className="rounded-lg border border-slate-200 bg-white p-4">
                  <p className="font-semibold">{i.email}</p>
                  <p className="text-sm text-slate-700">
                    {t(`roles.${i.role}`)}
                    {i.invitedBy ? ` · ${t("invitedBy", { name: i.invitedBy })}` : null}
                    {" · "}
                    {i.state === "expired" ? (
                      <span className="font-medium text-red-900">
                        <span aria-hidden="true">⚠ </span>
                        {t("expiredOn", { date: date(i.expiresAt) })}
                      </span>
                    ) : (
                      t("validUntil", { date: date(i.expiresAt) })
                    )}
                  </p>
                  <div className="mt-2">
                    <InvitationActions network={ref} invitation={i} canResend={page.can.invite} canRevoke={page.can.revokeInvitation} />
                  </div>
                </li>
              ))}
            </ul>
          )}
          {page.can.invite ? <InviteForm network={ref} /> : null}
        </section>
      ) : null}

      {page.me ? (
        <section aria-labelledby="you-heading" className="space-y-8">
          <h2 id="you-heading" className="text-2xl font-semibold">
            {t("you_section")}
          </h2>
          {page.can.mute ? <MuteForm network={ref} muted={page.me.announcementsMuted} /> : null}
          {page.can.leave && user ? <LeaveForm network={ref} successors={successorsFor(user.id, page.me.role)} /> : null}
        </section>
      ) : null}
    </div>
  );
}
