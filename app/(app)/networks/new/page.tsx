import { getTranslations } from "next-intl/server";
import { NetworkForm } from "@/components/networks/network-form";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/policy";

export async function generateMetadata() {
  const [t, user] = await Promise.all([getTranslations("networkForm"), requireUser("/networks/new")]);
  return { title: can(user, "network.create") ? t("createTitle") : t("proposeTitle") };
}

/** Admins and moderators create a network at once; everybody else signed in proposes one. */
export default async function NewNetworkPage() {
  const user = await requireUser("/networks/new");
  const t = await getTranslations("networkForm");
  const creates = can(user, "network.create");
  return (
    <div className="max-w-2xl">
      <h1 className="mb-2 text-3xl font-bold">{creates ? t("createTitle") : t("proposeTitle")}</h1>
      <p className="mb-6 text-slate-700">{creates ? t("createLead") : t("proposeLead")}</p>
      <NetworkForm mode={creates ? "create" : "propose"} />
    </div>
  );
}
