import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AcceptInvitationForm } from "@/components/members/accept-invitation-form";
import { WithdrawRequestForm } from "@/components/members/withdraw-request-form";
import { requireUser } from "@/lib/auth/session";
import { pendingForUser } from "@/lib/memberships/queries";
import { listMyNetworks } from "@/lib/networks/queries";

export async function generateMetadata() {
  const t = await getTranslations("myNetworks");
  return { title: t("title") };
}

export default async function MyNetworksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("/my-networks");
  const [query, t, tm, tms, te, format, mine, pending] = await Promise.all([
    searchParams,
    getTranslations("myNetworks"),
    getTranslations("memberships"),
    getTranslations("members"),
    getTranslations("memberEmails"),
    getFormatter(),
    listMyNetworks(user),
    pendingForUser(user),
  ]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  return (
    <div className="space-y-10">
      <div>
        <h1 className="mb-6 text-3xl font-bold">{t("title")}</h1>
        {query.left === "1" ? (
          <p role="status" className="mb-4 rounded-md border border-teal-800 bg-teal-50 p-3 text-teal-900">
            <span aria-hidden="true">✓ </span>
            {tms("left")}
          </p>
        ) : null}
        {mine.length === 0 ? (
          <p>
            {t("empty")}{" "}
            <Link className="text-teal-800 underline" href="/networks">
              {t("toDirectory")}
            </Link>
          </p>
        ) : (
          <ul className="grid gap-3 md:grid-cols-2">
            {mine.map((n) => (
              <li key={n.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <h2 className="text-lg font-semibold">
                  <Link className="text-teal-900 underline" href={`/networks/${n.slug}/workspace`} aria-label={tm("openWorkspaceOf", { network: n.name })}>
                    {n.name}
                  </Link>
                </h2>
                <p className="text-slate-600">{n.focus}</p>
                <p className="mt-1 text-sm">{t(`role.${n.role}`)}</p>
              </li>
            ))}
          </ul>
        )}
      </div>

      {pending.invitations.length ? (
        <section aria-labelledby="my-invitations-heading">
          <h2 id="my-invitations-heading" className="mb-3 text-2xl font-semibold">
            {tm("invitationsTitle")}
          </h2>
          <ul className="space-y-3">
            {pending.invitations.map((i) => (
              <li key={i.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <p className="font-semibold">{i.network}</p>
                <p className="mb-2 text-sm text-slate-700">
                  {tm("invitationFrom", { inviter: i.inviter ?? "Netzwerkstatt", role: te(`roles.${i.role}`), date: date(i.expiresAt) })}
                </p>
                {pending.emailVerified ? (
                  <AcceptInvitationForm invitationId={i.id} label={tm("accept")} ariaLabel={tm("acceptFor", { network: i.network })} />
                ) : (
                  <p className="text-sm">{tm("useLink")}</p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {pending.joinRequests.length ? (
        <section aria-labelledby="my-requests-heading">
          <h2 id="my-requests-heading" className="mb-3 text-2xl font-semibold">
            {tm("requestsTitle")}
          </h2>
          <ul className="space-y-3">
            {pending.joinRequests.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-200 bg-white p-4">
                <p>
                  <span className="font-semibold">{r.network}</span> <span className="text-sm text-slate-700">· {tm("requestedOn", { date: date(r.createdAt) })}</span>
                </p>
                <WithdrawRequestForm requestId={r.id} label={tm("withdraw")} ariaLabel={tm("withdrawFor", { network: r.network })} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
