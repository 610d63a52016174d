import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ThinkTankEditForm, ThinkTankStatusForm } from "@/components/think-tanks/forms";
import { orNotFound } from "@/components/workspace/page-guard";
import { requireUser } from "@/lib/auth/session";
import { getThinkTank } from "@/lib/think-tanks/queries";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  const t = await getTranslations("thinkTankSettings");
  return { title: t("title") };
}

export default async function ThinkTankSettingsPage({ params }: Props) {
  const { id } = await params;
  const base = `/think-tanks/${encodeURIComponent(id)}`;
  const user = await requireUser(`${base}/settings`);
  const [t, tt, d] = await Promise.all([getTranslations("thinkTankSettings"), getTranslations("thinkTanks"), orNotFound(getThinkTank(user, id), `${base}/settings`)]);
  // Participants who may not edit see no settings at all.
  if (!d.can.edit && !d.can.changeStatus) notFound();
  const { thinkTank } = d;
  return (
    <div className="grid gap-8">
      <section aria-labelledby="settings-edit">
        <h2 id="settings-edit" className="text-2xl font-semibold">
          {t("editTitle")}
        </h2>
        <p className="mb-4 mt-1 max-w-3xl text-slate-700">{t("editLead")}</p>
        {d.can.editableFields.length ? <ThinkTankEditForm thinkTank={thinkTank} editable={d.can.editableFields} /> : <p>{t("nothingEditable")}</p>}
      </section>
      <section aria-labelledby="settings-status">
        <h2 id="settings-status" className="text-2xl font-semibold">
          {t("statusTitle")}
        </h2>
        <p className="mb-4 mt-1">{t("currentStatus", { status: tt(`status.${thinkTank.status}`) })}</p>
        {d.can.nextStatuses.length ? <ThinkTankStatusForm thinkTankId={thinkTank.id} next={d.can.nextStatuses} /> : <p>{t("noStatusChange")}</p>}
      </section>
    </div>
  );
}
