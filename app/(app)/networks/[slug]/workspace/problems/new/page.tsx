import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { orNotFound } from "@/components/workspace/page-guard";
import { ProblemForm } from "@/components/problems/problem-form";
import { requireUser } from "@/lib/auth/session";
import { problemLogContext } from "@/lib/problems/queries";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata() {
  const t = await getTranslations("problems");
  return { title: t("newTitle") };
}

export default async function NewProblemPage({ params }: Props) {
  const { slug } = await params;
  const listPath = `/networks/${encodeURIComponent(slug)}/workspace/problems`;
  const user = await requireUser(`${listPath}/new`);
  // The same access check as the list (404 for outsiders); people who may not log problems get a 404 too.
  const [t, log] = await Promise.all([getTranslations("problems"), orNotFound(problemLogContext(user, slug), `${listPath}/new`)]);
  if (!log.canCreate) notFound();
  return (
    <section aria-labelledby="new-problem-title">
      <h2 id="new-problem-title" className="mb-2 text-2xl font-semibold">
        {t("newTitle")}
      </h2>
      <p className="mb-6 max-w-2xl text-slate-700">{t("newLead")}</p>
      <ProblemForm network={log.network.slug} cancelHref={listPath} />
    </section>
  );
}
