import { getFormatter, getTranslations } from "next-intl/server";
import { InvitationList, InviteForm, JoinRequestList, LeaveForm, MuteForm, RemoveForm, RoleForm, type SuccessorOption } from "@/components/members/member-forms";
import { loadWorkspace } from "@/components/workspace/load-workspace";
import { membersPage } from "@/lib/memberships/queries";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { network } = await loadWorkspace(slug);
  const t = await getTranslations("members");
  return { title: `${t("title")} – ${network.name}` };
}

export default async function MembersPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
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
      {query.notice === "removed" ? (
        <p role="status" className="rounded-md border border-teal-800 bg-teal-50 p-3 text-teal-900">
          <span aria-hidden="true">✓ </span>
          {t("removed")}
        </p>
      ) : null}
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
          <JoinRequestList
            network={ref}
            canDecide={page.can.approveJoin}
            requests={page.joinRequests.map((r) => ({
              id: r.id,
              name: r.name,
              message: r.message,
              details: [r.organisation, r.sector ? ts(r.sector) : null, r.email, t("requestedOn", { date: date(r.createdAt) })].filter(Boolean).join(" · "),
            }))}
          />
        </section>
      ) : null}

      {page.can.invite || page.can.revokeInvitation ? (
        <section aria-labelledby="invitations-heading" className="space-y-6">
          <h2 id="invitations-heading" className="text-2xl font-semibold">
            {t("invitationsTitle")}
          </h2>
          <InvitationList
            network={ref}
            canResend={page.can.invite}
            canRevoke={page.can.revokeInvitation}
            invitations={page.invitations.map((i) => ({
              id: i.id,
              email: i.email,
              role: i.role,
              invitedBy: i.invitedBy,
              expiresAt: i.expiresAt.toISOString(),
              expired: i.state === "expired",
              dateText: date(i.expiresAt),
            }))}
          />
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
