import { useTranslations } from "next-intl";
import type { NetworkStatus } from "@/lib/networks/rules";

const styles: Record<NetworkStatus, string> = {
  active: "border-teal-800 bg-teal-50 text-teal-900",
  paused: "border-amber-800 bg-amber-50 text-amber-900",
  archived: "border-slate-600 bg-slate-100 text-slate-800",
};

/** Status as icon + word (never colour alone); `withMeaning` adds what the status means. */
export function StatusBadge({ status, withMeaning = false }: { status: NetworkStatus; withMeaning?: boolean }) {
  const t = useTranslations("directory");
  const tn = useTranslations("network");
  return (
    <span className="inline-flex flex-col gap-1">
      <span className={`inline-flex w-fit items-center gap-1 rounded border px-2 py-0.5 text-sm font-medium ${styles[status]}`}>
        <span aria-hidden="true">{tn(`statusIcon.${status}`)}</span>
        <span>
          {t("statusLabel")}: {t(`status.${status}`)}
        </span>
      </span>
      {withMeaning ? <span className="text-sm text-slate-700">{tn(`statusMeaning.${status}`)}</span> : null}
    </span>
  );
}

/** "Needs review": a warning sign and words, for entries nobody confirmed for 12 months. */
export function NeedsReviewBadge() {
  const t = useTranslations("directory");
  return (
    <span className="inline-flex w-fit items-center gap-1 rounded border border-amber-800 bg-amber-50 px-2 py-0.5 text-sm font-medium text-amber-900" title={t("needsReviewHint")}>
      <span aria-hidden="true">⚠</span>
      <span>{t("needsReview")}</span>
      <span className="sr-only">: {t("needsReviewHint")}</span>
    </span>
  );
}
