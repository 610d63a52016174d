import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ConfirmEntryForm, StatusForm } from "@/components/networks/network-actions";
import { NetworkForm } from "@/components/networks/network-form";
import { NeedsReviewBadge, StatusBadge } from "@/components/networks/status-badge";
import { requireUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getNetworkSettings } from "@/lib/networks/queries";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load(slug: string) {
  const user = await requireUser(`/networks/${slug}/settings`);
  try {
    return await getNetworkSettings(user, decodeURIComponent(slug));
  } catch (error) {
    // Forbidden or unknown alike: no hint whether a network of that name exists.
    if (isAppError(error) && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props) {
  const { slug } = await params;
  const t = await getTranslations("networkSettings");
  try {
    const settings = await load(slug);
    return { title: t("title", { name: settings.network.name }) };
  } catch {
    return {};
  }
}

/** Coordinators and admins: edit the entry, change the status, confirm the entry as current. */
export default async function NetworkSettingsPage({ params, searchParams }: Props) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const settings = await load(slug);
  const [t, tn, td, format] = await Promise.all([getTranslations("networkSettings"), getTranslations("network"), getTranslations("directory"), getFormatter()]);
  const { network } = settings;
  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <div>
        <h1 className="mb-2 text-3xl font-bold">{t("title", { name: network.name })}</h1>
        <p>
          <Link href={`/networks/${network.slug}`} className="text-teal-800 underline">
            {t("toPublicPage")}
          </Link>
        </p>
      </div>

      <section aria-labelledby="verify-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="verify-title" className="mb-2 text-xl font-semibold">
          {t("verifyTitle")}
        </h2>
        {search.confirmed ? (
          <p role="status" className="mb-3 rounded-md border border-teal-800 bg-teal-50 p-3 text-teal-900">
            <span aria-hidden="true">✓ </span>
            {tn("confirmed")}
          </p>
        ) : null}
        <p className="mb-3">
          {network.lastVerifiedAt ? td("lastVerified", { date: format.dateTime(network.lastVerifiedAt, { dateStyle: "long" }) }) : td("neverVerified")}
        </p>
        {network.needsReview ? (
          <div className="flex flex-col gap-3">
            <NeedsReviewBadge />
            <p>{tn("staleLead")}</p>
            {settings.canConfirm ? <ConfirmEntryForm networkId={network.id} from="settings" /> : null}
          </div>
        ) : (
          <p>
            <span aria-hidden="true">✓ </span>
            {t("verifyCurrent")}
          </p>
        )}
      </section>

      <section aria-labelledby="status-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="status-title" className="mb-2 text-xl font-semibold">
          {t("statusTitle")}
        </h2>
        <div className="mb-3">
          <StatusBadge status={network.status} withMeaning />
        </div>
        {settings.canChangeStatus && settings.statusOptions.length ? (
          <StatusForm networkId={network.id} current={network.status} options={settings.statusOptions} />
        ) : (
          <p>{t("noStatusChange")}</p>
        )}
      </section>

      <section className="rounded-lg border border-slate-200 bg-white p-4">
        {settings.canEdit ? (
          <NetworkForm
            mode="edit"
            initial={{
              id: network.id,
              name: network.name,
              focus: network.focus,
              description: network.description,
              socialAreas: network.socialAreas,
              hostName: network.hostName,
              contact: network.contact,
              listed: network.listed,
            }}
          />
        ) : (
          <p>{t("archivedReadOnly")}</p>
        )}
      </section>
    </div>
  );
}
