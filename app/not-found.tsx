import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6">{t("lead")}</p>
      <Link className="text-teal-800 underline" href="/">
        {t("home")}
      </Link>
    </div>
  );
}
