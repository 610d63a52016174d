import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { listMyNetworks } from "@/lib/networks/queries";

export async function generateMetadata() {
  const t = await getTranslations("myNetworks");
  return { title: t("title") };
}

export default async function MyNetworksPage() {
  const user = await requireUser("/my-networks");
  const [t, mine] = await Promise.all([getTranslations("myNetworks"), listMyNetworks(user)]);
  return (
    <div>
      <h1 className="mb-6 text-3xl font-bold">{t("title")}</h1>
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
              <p className="text-lg font-semibold">{n.name}</p>
              <p className="text-slate-600">{n.focus}</p>
              <p className="mt-1 text-sm">{t(`role.${n.role}`)}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
