import { getFormatter, getTranslations } from "next-intl/server";
import { AnnouncementForm, MuteForm } from "@/components/announcements/announcement-forms";
import { orNotFound } from "@/components/workspace/page-guard";
import { Linkified } from "@/components/ui/linkified";
import { listAnnouncements } from "@/lib/announcements/queries";
import { requireUser } from "@/lib/auth/session";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata() {
  const t = await getTranslations("announcements");
  return { title: t("title") };
}

export default async function AnnouncementsPage({ params }: Props) {
  const { slug } = await params;
  const path = `/networks/${encodeURIComponent(slug)}/workspace/announcements`;
  const user = await requireUser(path);
  const [t, format, data] = await Promise.all([getTranslations("announcements"), getFormatter(), orNotFound(listAnnouncements(user, slug), path)]);

  return (
    <section aria-labelledby="announcements-title">
      <h2 id="announcements-title" className="text-2xl font-semibold">
        {t("title")}
      </h2>
      <p className="mb-6 mt-1 max-w-3xl text-slate-700">{t("lead")}</p>

      {data.canMute && data.muted !== null ? (
        <section aria-labelledby="email-settings-title" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
          <h3 id="email-settings-title" className="mb-2 text-lg font-semibold">
            {t("emailSettings")}
          </h3>
          <MuteForm network={data.network.slug} muted={data.muted} />
        </section>
      ) : null}

      {data.canSend ? (
        <section aria-labelledby="compose-title" className="mb-8 rounded-lg border border-slate-200 bg-white p-4">
          <h3 id="compose-title" className="mb-3 text-lg font-semibold">
            {t("compose")}
          </h3>
          <AnnouncementForm network={data.network.slug} />
        </section>
      ) : null}

      <h3 className="mb-3 text-lg font-semibold">{t("list")}</h3>
      {data.announcements.length === 0 ? <p>{t("empty")}</p> : null}
      <ol className="space-y-4">
        {data.announcements.map((a) => (
          <li key={a.id}>
            <article aria-labelledby={`announcement-${a.id}`} className="rounded-lg border border-slate-200 bg-white p-4">
              <h4 id={`announcement-${a.id}`} className="text-lg font-semibold">
                {a.subject}
              </h4>
              <p className="text-sm text-slate-600">
                {t("byline", { name: a.authorName ?? "–", date: format.dateTime(a.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}
              </p>
              <p className="mt-2 whitespace-pre-wrap">
                <Linkified text={a.body} />
              </p>
            </article>
          </li>
        ))}
      </ol>
    </section>
  );
}
