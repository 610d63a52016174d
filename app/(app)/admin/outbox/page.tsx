import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { listOutbox } from "@/lib/mail/queries";
import { Linkified } from "@/components/ui/linkified";

export async function generateMetadata() {
  const t = await getTranslations("admin");
  return { title: t("outboxTitle") };
}

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  const actor = await requirePermission("outbox.read", "/admin/outbox");
  const { to } = await searchParams;
  const [t, format, mails] = await Promise.all([getTranslations("admin"), getFormatter(), listOutbox(actor, { to })]);
  return (
    <section aria-labelledby="outbox-title">
      <h2 id="outbox-title" className="mb-2 text-2xl font-semibold">
        {t("outboxTitle")}
      </h2>
      <p className="mb-4 text-slate-700">{t("outboxLead")}</p>
      {mails.length === 0 ? <p>{t("outboxEmpty")}</p> : null}
      <ol className="space-y-4">
        {mails.map((m) => (
          <li key={m.id}>
            <article className="rounded-lg border border-slate-200 bg-white p-4" aria-label={`${m.subject} – ${m.to}`}>
              <h3 className="font-semibold">{m.subject}</h3>
              <p className="text-sm text-slate-600">
                {t("outboxTo")}: {m.to} · {format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "short" })} ·{" "}
                {t(`outboxTransport.${m.transport === "smtp" ? "smtp" : "outbox"}`)}
                {m.error ? ` · ⚠ ${t("outboxFailed", { error: m.error })}` : m.sentAt ? ` · ✓ ${t("outboxSent")}` : ""}
              </p>
              <pre className="mt-2 whitespace-pre-wrap font-sans text-sm">
                <Linkified text={m.text} />
              </pre>
            </article>
          </li>
        ))}
      </ol>
    </section>
  );
}
