import { getTranslations } from "next-intl/server";
import { ThinkTankCreateForm } from "@/components/think-tanks/forms";
import { requirePermission } from "@/lib/auth/session";
import { ZIdList } from "@/lib/think-tanks/schemas";
import { escalationCandidates, moderatorOptions } from "@/lib/think-tanks/queries";

type Props = { searchParams: Promise<{ problemIds?: string | string[] }> };

export async function generateMetadata() {
  const t = await getTranslations("thinkTanks");
  return { title: t("newTitle") };
}

export default async function NewThinkTankPage({ searchParams }: Props) {
  // Convening is the host's: moderators and admins; everybody else gets the 404 page.
  const user = await requirePermission("thinkTank.convene", "/think-tanks/new");
  const search = await searchParams;
  const ids = ZIdList.catch([]).parse(search.problemIds);
  const [t, moderators, problems] = await Promise.all([getTranslations("thinkTanks"), moderatorOptions(user), escalationCandidates(user, ids)]);
  return (
    <section aria-labelledby="new-think-tank-title">
      <h1 id="new-think-tank-title" className="mb-2 text-3xl font-bold">
        {t("newTitle")}
      </h1>
      <p className="mb-6 max-w-2xl text-slate-700">{t("newLead")}</p>
      <ThinkTankCreateForm moderators={moderators.filter((m) => m.id !== user.id)} problems={problems} />
    </section>
  );
}
