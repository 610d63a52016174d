import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { DirectoryEntry } from "@/lib/networks/queries";
import { ContactList } from "./contact-list";
import { SectorSummary } from "./sector-mix";
import { NeedsReviewBadge, StatusBadge } from "./status-badge";

export function DirectoryEntryCard({ entry }: { entry: DirectoryEntry }) {
  const t = useTranslations("directory");
  const format = useFormatter();
  const headingId = `network-${entry.slug}`;
  return (
    <article aria-labelledby={headingId} className="flex w-full flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={headingId} className="text-xl font-semibold">
        <Link href={`/networks/${entry.slug}`} className="text-teal-900 underline decoration-1 underline-offset-4 hover:decoration-2">
          {entry.name}
        </Link>
      </h2>
      <div className="flex flex-wrap gap-2">
        <StatusBadge status={entry.status} />
        {entry.needsReview ? <NeedsReviewBadge /> : null}
      </div>
      {entry.focus ? (
        <p className="text-sm">
          <span className="font-medium">{t("focus")}:</span> {entry.focus}
        </p>
      ) : null}
      {entry.hostName ? <p className="text-sm text-slate-700">{t("host", { host: entry.hostName })}</p> : null}
      {entry.description ? <p className="line-clamp-4">{entry.description}</p> : null}
      {entry.socialAreas.length ? (
        <p className="text-sm">
          <span className="font-medium">{t("areas")}:</span> {format.list(entry.socialAreas)}
        </p>
      ) : null}
      <div className="text-sm">
        <span className="font-medium">{t("sectorMix")}</span> ({t("members", { count: entry.memberCount })}): <SectorSummary sectors={entry.sectors} />
      </div>
      {Object.keys(entry.contact).length ? (
        <div>
          <p className="text-sm font-medium">{t("contact")}</p>
          <ContactList contact={entry.contact} />
        </div>
      ) : null}
      <p className="text-sm text-slate-600">
        {entry.lastVerifiedAt ? t("lastVerified", { date: format.dateTime(entry.lastVerifiedAt, { dateStyle: "medium" }) }) : t("neverVerified")}
      </p>
    </article>
  );
}
