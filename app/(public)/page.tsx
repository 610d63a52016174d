import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { listMyNetworks } from "@/lib/networks/queries";

export default async function HomePage() {
  const [t, user] = await Promise.all([getTranslations("home"), currentUser()]);
  const mine = user ? await listMyNetworks(user) : [];
  return (
    <div className="space-y-8">
      <section className="max-w-3xl">
        <h1 className="mb-4 text-3xl font-bold md:text-4xl">{user ? t("welcomeBack", { name: user.name }) : t("title")}</h1>
        <p className="text-lg text-slate-700">{t("lead")}</p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link href="/networks" className="rounded-md bg-teal-800 px-4 py-2 font-semibold text-white hover:bg-teal-900">
            {t("toDirectory")}
          </Link>
          {!user ? (
            <Link href="/sign-in" className="rounded-md border border-teal-800 px-4 py-2 font-semibold text-teal-900 hover:bg-teal-50">
              {t("toSignIn")}
            </Link>
          ) : null}
        </div>
      </section>
      {user ? (
        <section aria-labelledby="your-networks">
          <h2 id="your-networks" className="mb-3 text-2xl font-semibold">
            {t("yourNetworks")}
          </h2>
          {mine.length ? (
            <ul className="grid gap-3 md:grid-cols-2">
              {mine.map((n) => (
                <li key={n.id} className="rounded-lg border border-slate-200 bg-white p-4">
                  <p className="font-semibold">{n.name}</p>
                  <p className="text-slate-600">{n.focus}</p>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("noNetworks")}</p>
          )}
        </section>
      ) : null}
    </div>
  );
}
