import { getFormatter, getTranslations } from "next-intl/server";
import { listDirectory } from "@/lib/networks/queries";

export async function generateMetadata() {
  const t = await getTranslations("directory");
  return { title: t("title") };
}

export default async function DirectoryPage() {
  const [t, format, entries] = await Promise.all([getTranslations("directory"), getFormatter(), listDirectory()]);
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 text-slate-700">{t("lead")}</p>
      {entries.length === 0 ? <p>{t("empty")}</p> : null}
      <ul className="grid gap-4 md:grid-cols-2">
        {entries.map((n) => (
          <li key={n.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="text-xl font-semibold">{n.name}</h2>
            <p className="text-sm text-slate-600">
              {t("focus")}: {n.focus} · {t("statusLabel")}: {t(`status.${n.status}`)} · {t("members", { count: n.memberCount })}
            </p>
            {n.hostName ? <p className="text-sm text-slate-600">{t("host", { host: n.hostName })}</p> : null}
            <p className="mt-2">{n.description}</p>
            {n.socialAreas.length ? (
              <p className="mt-2 text-sm">
                <span className="font-medium">{t("areas")}:</span> {format.list(n.socialAreas)}
              </p>
            ) : null}
            {Object.keys(n.contact).length ? (
              <p className="mt-2 text-sm">
                <span className="font-medium">{t("contact")}:</span>{" "}
                {[n.contact.organisation, n.contact.person].filter(Boolean).join(", ")}
                {n.contact.email ? (
                  <>
                    {" · "}
                    <a className="text-teal-800 underline" href={`mailto:${n.contact.email}`}>
                      {n.contact.email}
                    </a>
                  </>
                ) : null}
                {n.contact.website ? (
                  <>
                    {" · "}
                    <a className="text-teal-800 underline" href={n.contact.website} rel="noopener noreferrer">
                      {n.contact.website}
                    </a>
                  </>
                ) : null}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
