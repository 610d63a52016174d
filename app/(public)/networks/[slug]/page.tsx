import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ContactList } from "@/components/networks/contact-list";
import { JoinRequest } from "@/components/members/join-request";
import { ConfirmEntryForm } from "@/components/networks/network-actions";
import { SectorMixChart } from "@/components/networks/sector-mix";
import { NeedsReviewBadge, StatusBadge } from "@/components/networks/status-badge";
import { currentUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getNetworkPage, type NetworkPage } from "@/lib/networks/queries";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Once per request: the metadata and the page share the result.
const loadPage = cache(async (slug: string) => getNetworkPage(await currentUser(), decodeURIComponent(slug)));

async function load(slug: string): Promise<NetworkPage> {
  try {
    return await loadPage(slug);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props) {
  const { slug } = await params;
  try {
    const page = await loadPage(slug);
    return { title: page.network.name, description: page.network.focus || undefined };
  } catch {
    return {};
  }
}

/**
 * A network's public page. Approved and listed networks are public; the rest exist only for
 * the people named in getNetworkPage (everybody else gets the ordinary 404 page).
 */
export default async function NetworkPublicPage({ params, searchParams }: Props) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const page = await load(slug);
  const [t, td, format] = await Promise.all([getTranslations("network"), getTranslations("directory"), getFormatter()]);
  const { network, viewer } = page;
  const pending = network.approval !== "approved";
  return (
    <article aria-labelledby="network-title" className="flex flex-col gap-6">
      <p>
        <Link href="/networks" className="text-teal-800 underline">
          <span aria-hidden="true">← </span>
          {t("backToDirectory")}
        </Link>
      </p>

      {search.created ? (
        <p role="status" className="rounded-md border border-teal-800 bg-teal-50 p-3 text-teal-900">
          <span aria-hidden="true">✓ </span>
          {t("created")}
        </p>
      ) : null}
      {search.confirmed ? (
        <p role="status" className="rounded-md border border-teal-800 bg-teal-50 p-3 text-teal-900">
          <span aria-hidden="true">✓ </span>
          {t("confirmed")}
        </p>
      ) : null}
      {search.proposed ? (
        <p role="status" className="rounded-md border border-teal-800 bg-teal-50 p-3 text-teal-900">
          <span aria-hidden="true">✓ </span>
          {t("proposedNotice")}
        </p>
      ) : null}
      {network.approval === "proposed" ? (
        <p className="rounded-md border border-amber-800 bg-amber-50 p-3 text-amber-950">
          <span aria-hidden="true">⏳ </span>
          {t("proposed")}
          {page.proposerName ? ` ${t("proposedBy", { name: page.proposerName })}.` : null}
        </p>
      ) : null}
      {network.approval === "declined" ? (
        <p className="rounded-md border border-red-800 bg-red-50 p-3 text-red-950">
          <span aria-hidden="true">✕ </span>
          {t("declined", { reason: network.declineReason ?? "" })}
        </p>
      ) : null}
      {!pending && !network.listed ? (
        <p className="rounded-md border border-slate-500 bg-slate-100 p-3">
          <span aria-hidden="true">🔒 </span>
          {t("unlisted")}
        </p>
      ) : null}

      <header className="flex flex-col gap-3">
        <h1 id="network-title" className="text-3xl font-bold">
          {network.name}
        </h1>
        <div className="flex flex-wrap items-start gap-3">
          <StatusBadge status={network.status} withMeaning />
          {!pending && network.needsReview ? <NeedsReviewBadge /> : null}
        </div>
        {viewer.seesWorkspace || viewer.canEdit || viewer.canChangeStatus ? (
          <ul className="flex flex-wrap gap-3">
            {viewer.seesWorkspace ? (
              <li>
                <Link href={`/networks/${network.slug}/workspace`} className="inline-block rounded-md bg-teal-800 px-4 py-2 font-semibold text-white hover:bg-teal-900">
                  {t("toWorkspace")}
                </Link>
              </li>
            ) : null}
            {viewer.canEdit || viewer.canChangeStatus ? (
              <li>
                <Link href={`/networks/${network.slug}/settings`} className="inline-block rounded-md border border-teal-800 px-4 py-2 font-semibold text-teal-900 hover:bg-teal-50">
                  {t("settings")}
                </Link>
              </li>
            ) : null}
          </ul>
        ) : null}
      </header>

      {!pending && network.listed ? <JoinRequest network={network.slug} /> : null}

      {!pending && network.needsReview && viewer.canConfirm ? (
        <section aria-labelledby="stale-title" className="rounded-lg border-2 border-amber-800 bg-amber-50 p-4">
          <h2 id="stale-title" className="mb-2 text-xl font-semibold">
            <span aria-hidden="true">⚠ </span>
            {t("staleTitle")}
          </h2>
          <p className="mb-3">{t("staleLead")}</p>
          <div className="flex flex-wrap items-start gap-4">
            <ConfirmEntryForm networkId={network.id} />
            {viewer.canEdit ? (
              <Link href={`/networks/${network.slug}/settings`} className="inline-block rounded-md border border-teal-800 bg-white px-4 py-2 font-semibold text-teal-900 hover:bg-teal-50">
                {t("update")}
              </Link>
            ) : null}
          </div>
        </section>
      ) : null}

      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
        {network.focus ? (
          <>
            <dt className="font-medium">{t("focus")}</dt>
            <dd>{network.focus}</dd>
          </>
        ) : null}
        {network.socialAreas.length ? (
          <>
            <dt className="font-medium">{t("areas")}</dt>
            <dd>
              <ul className="flex flex-wrap gap-2">
                {network.socialAreas.map((area) => (
                  <li key={area}>
                    <Link href={`/networks?area=${encodeURIComponent(area)}`} className="rounded border border-slate-400 px-2 py-0.5 text-sm underline-offset-2 hover:underline">
                      {area}
                    </Link>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {network.hostName ? (
          <>
            <dt className="font-medium">{t("host")}</dt>
            <dd>{network.hostName}</dd>
          </>
        ) : null}
        <dt className="font-medium">{td("csv.lastVerified")}</dt>
        <dd>{network.lastVerifiedAt ? format.dateTime(network.lastVerifiedAt, { dateStyle: "long" }) : td("neverVerified")}</dd>
      </dl>

      {network.description ? (
        <section aria-labelledby="description-title">
          <h2 id="description-title" className="mb-2 text-xl font-semibold">
            {t("description")}
          </h2>
          <p className="whitespace-pre-line">{network.description}</p>
        </section>
      ) : null}

      <section aria-labelledby="contact-title">
        <h2 id="contact-title" className="mb-2 text-xl font-semibold">
          {t("contact")}
        </h2>
        {Object.keys(network.contact).length ? <ContactList contact={network.contact} /> : <p>{t("noContact")}</p>}
      </section>

      <section aria-labelledby="sector-mix-title" className="max-w-3xl">
        <h2 id="sector-mix-title" className="mb-1 text-xl font-semibold">
          {t("sectorMixTitle")}
        </h2>
        <p className="mb-3 text-slate-700">
          {t("sectorMixLead")} {td("members", { count: page.memberCount })}.
        </p>
        <SectorMixChart sectors={page.sectors} total={page.memberCount} captionId="sector-mix-title" />
      </section>

      {page.members ? (
        <section aria-labelledby="members-title">
          <h2 id="members-title" className="mb-1 text-xl font-semibold">
            {t("membersTitle")}
          </h2>
          <p className="mb-3 text-sm text-slate-600">{t("membersLead")}</p>
          {page.members.length ? (
            <ul className="grid gap-2 sm:grid-cols-2">
              {page.members.map((m) => (
                <li key={m.id} className="rounded border border-slate-200 bg-white p-3">
                  <span className="font-medium">{m.name}</span>
                  {m.role === "coordinator" ? (
                    <span className="ml-2 text-sm">
                      (<span aria-hidden="true">★ </span>
                      {t("roles.coordinator")})
                    </span>
                  ) : null}
                  {m.organisation ? <span className="block text-sm text-slate-700">{m.organisation}</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("noMembers")}</p>
          )}
        </section>
      ) : null}
    </article>
  );
}
