import { getFormatter, getTranslations } from "next-intl/server";
import { SectorMixChart } from "@/components/networks/sector-mix";
import { AddParticipantForm, InviteByEmailForm, LeaveThinkTankForm, ParticipantActions, TtInvitationList, type OpenInvitation } from "@/components/participants/participant-forms";
import { orNotFound } from "@/components/workspace/page-guard";
import { sectors } from "@/db/schema";
import { requireUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { listParticipants, searchKnowledgeGivers, type KnowledgeGiverCandidate } from "@/lib/participants/queries";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function one(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v) ?? "";
}

const inputClass = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 focus:outline-none focus:ring-2 focus:ring-teal-700";

export default async function ParticipantsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const base = `/think-tanks/${encodeURIComponent(id)}/participants`;
  const user = await requireUser(base);
  const view = await orNotFound(listParticipants(user, id), base);
  const [t, ts, format] = await Promise.all([getTranslations("participants"), getTranslations("sectors"), getFormatter()]);
  const filters = { name: one(query.name), organisation: one(query.organisation), sector: one(query.sector), expertise: one(query.expertise) };
  let search: { results: KnowledgeGiverCandidate[]; searched: boolean } | null = null;
  let searchError: string | null = null;
  if (view.can.invite) {
    try {
      search = await searchKnowledgeGivers(user, { thinkTankId: id, ...filters });
    } catch (error) {
      if (!isAppError(error) || error.code !== "invalid_input") throw error;
      searchError = t("searchInvalid");
    }
  }
  const invitations: OpenInvitation[] = view.invitations.map((i) => ({
    id: i.id,
    email: i.email,
    role: i.role,
    invitedBy: i.invitedBy,
    expired: i.state === "expired",
    stateText:
      i.state === "expired"
        ? t("expiredOn", { date: format.dateTime(i.expiresAt, { dateStyle: "medium" }) })
        : i.state === "declined"
          ? t("declinedState")
          : t("validUntil", { date: format.dateTime(i.expiresAt, { dateStyle: "medium" }) }),
  }));

  return (
    <div className="space-y-10">
      <section aria-labelledby="participants-heading">
        <h2 id="participants-heading" className="mb-1 text-2xl font-semibold">
          {t("title")}
        </h2>
        <p className="mb-4 text-slate-700">{t("count", { count: view.participants.length })}</p>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">{t("columns.name")}</th>
                <th scope="col" className="p-2">{t("columns.organisation")}</th>
                <th scope="col" className="p-2">{t("columns.sector")}</th>
                <th scope="col" className="p-2">{t("columns.role")}</th>
                <th scope="col" className="p-2">{t("columns.load")}</th>
                {view.can.changeRole || view.can.remove ? <th scope="col" className="p-2">{t("columns.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {view.participants.map((p) => (
                <tr key={p.userId} className="border-b border-slate-200 align-top">
                  <th scope="row" className="p-2 font-medium">
                    {p.name}
                    {p.userId === user.id ? <span className="ml-1 text-sm font-normal text-slate-600">({t("you")})</span> : null}
                    {p.email ? <span className="block text-sm font-normal text-slate-700">{p.email}</span> : null}
                  </th>
                  <td className="p-2">{p.organisation ?? <span className="text-slate-600">{t("notSpecified")}</span>}</td>
                  <td className="p-2">{p.sector ? ts(p.sector) : <span className="text-slate-600">{t("notSpecified")}</span>}</td>
                  <td className="p-2">{t(`roles.${p.role}`)}</td>
                  <td className="p-2 tabular-nums">{t("load", { count: p.load })}</td>
                  {view.can.changeRole || view.can.remove ? (
                    <td className="p-2">
                      <ParticipantActions thinkTankId={id} userId={p.userId} name={p.name} role={p.role} canChangeRole={view.can.changeRole} canRemove={view.can.remove} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="sector-mix-heading">
        <h2 id="sector-mix-heading" className="mb-2 text-2xl font-semibold">
          {t("sectorMixTitle")}
        </h2>
        <p className="mb-3 text-slate-700">{t("sectorMixLead")}</p>
        <SectorMixChart sectors={view.sectorMix} total={view.participants.length} captionId="sector-mix-heading" />
      </section>

      {view.can.invite ? (
        <section aria-labelledby="search-heading">
          <h2 id="search-heading" className="mb-1 text-2xl font-semibold">
            {t("searchTitle")}
          </h2>
          <p className="mb-3 text-slate-700">{t("searchLead")}</p>
          <form method="get" action={base} role="search" aria-labelledby="search-heading" className="grid max-w-3xl gap-3 sm:grid-cols-2">
            <div>
              <label htmlFor="kg-expertise" className="block font-medium">{t("searchExpertise")}</label>
              <input id="kg-expertise" name="expertise" defaultValue={filters.expertise} className={inputClass} aria-describedby="kg-expertise-hint" />
              <p id="kg-expertise-hint" className="mt-1 text-sm text-slate-600">{t("searchExpertiseHint")}</p>
            </div>
            <div>
              <label htmlFor="kg-sector" className="block font-medium">{t("searchSector")}</label>
              <select id="kg-sector" name="sector" defaultValue={filters.sector} className={inputClass}>
                <option value="">{t("anySector")}</option>
                {sectors.map((s) => (
                  <option key={s} value={s}>
                    {ts(s)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="kg-organisation" className="block font-medium">{t("searchOrganisation")}</label>
              <input id="kg-organisation" name="organisation" defaultValue={filters.organisation} className={inputClass} />
            </div>
            <div>
              <label htmlFor="kg-name" className="block font-medium">{t("searchName")}</label>
              <input id="kg-name" name="name" defaultValue={filters.name} className={inputClass} />
            </div>
            <div>
              <button type="submit" className="rounded-md bg-teal-800 px-4 py-2 font-semibold text-white hover:bg-teal-900 focus:outline-none focus:ring-2 focus:ring-teal-700 focus:ring-offset-2">
                {t("searchSubmit")}
              </button>
            </div>
          </form>
          {searchError ? (
            <p role="alert" className="mt-3 rounded-md border border-red-800 bg-red-50 p-2 text-red-900">
              <span aria-hidden="true">⚠ </span>
              {searchError}
            </p>
          ) : null}
          {search?.searched ? (
            <div className="mt-4" aria-live="polite">
              <h3 className="mb-2 text-xl font-semibold">{t("resultsTitle", { count: search.results.length })}</h3>
              {search.results.length === 0 ? <p>{t("noResults")}</p> : null}
              <ol className="space-y-3">
                {search.results.map((r) => (
                  <li key={r.userId} className="rounded-lg border border-slate-200 bg-white p-4">
                    <p className="font-semibold">{r.name}</p>
                    <p className="text-sm text-slate-700">
                      {[r.organisation, r.sector ? ts(r.sector) : null].filter(Boolean).join(" · ") || t("notSpecified")}
                      {" · "}
                      {t("load", { count: r.load })}
                    </p>
                    {r.expertise.length ? (
                      <p className="mt-1 text-sm">
                        {t("expertise")}: {r.expertise.join(", ")}
                        {r.matches.length ? <span className="ml-1 font-medium text-teal-900">({t("matches", { count: r.matches.length })})</span> : null}
                      </p>
                    ) : null}
                    {r.participantRole ? (
                      <p className="mt-2 text-sm font-medium">
                        <span aria-hidden="true">✓ </span>
                        {t("alreadyIn", { role: t(`roles.${r.participantRole}`) })}
                      </p>
                    ) : (
                      <AddParticipantForm thinkTankId={id} userId={r.userId} name={r.name} />
                    )}
                  </li>
                ))}
              </ol>
            </div>
          ) : null}
        </section>
      ) : null}

      {view.can.invite ? (
        <section aria-labelledby="invite-section-heading" className="grid gap-8 lg:grid-cols-2">
          <h2 id="invite-section-heading" className="sr-only">
            {t("invitationsSection")}
          </h2>
          <InviteByEmailForm thinkTankId={id} />
          <div>
            <h3 className="mb-1 text-xl font-semibold">{t("invitationsTitle")}</h3>
            <TtInvitationList thinkTankId={id} invitations={invitations} />
          </div>
        </section>
      ) : null}

      {view.can.leave ? (
        <section aria-labelledby="leave-heading">
          <h2 id="leave-heading" className="mb-2 text-2xl font-semibold">
            {t("leaveTitle")}
          </h2>
          <LeaveThinkTankForm thinkTankId={id} />
        </section>
      ) : null}
    </div>
  );
}
