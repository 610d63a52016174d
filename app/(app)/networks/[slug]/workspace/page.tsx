import { getTranslations } from "next-intl/server";
import { NetworkOutcomes } from "@/components/outcomes/network-outcomes";
import { ActivityFeed } from "@/components/workspace/activity-feed";
import { loadWorkspace } from "@/components/workspace/load-workspace";
import { activityFeed } from "@/lib/activity/queries";
import { parseCursor } from "@/lib/memberships/rules";
import { networkOutcomes } from "@/lib/outcomes/queries";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { network } = await loadWorkspace(slug);
  const t = await getTranslations("workspace");
  return { title: `${t("overviewTitle")} – ${network.name}` };
}

export default async function WorkspaceOverviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const { network, user } = await loadWorkspace(slug);
  const before = parseCursor(query.before);
  const [feed, tm, outcomes] = await Promise.all([activityFeed(user, network.id, { before }), getTranslations("memberships"), networkOutcomes(user, network.id)]);
  return (
    <div>
      {query.welcome === "1" ? (
        <p role="status" className="mb-4 rounded-md border border-teal-800 bg-teal-50 p-3 text-teal-900">
          <span aria-hidden="true">✓ </span>
          {tm("accepted")}
        </p>
      ) : null}
      {!before ? <NetworkOutcomes outcomes={outcomes} slug={network.slug} /> : null}
      <ActivityFeed entries={feed.entries} nextCursor={feed.nextCursor} isFirstPage={!before} basePath={`/networks/${network.slug}/workspace`} />
    </div>
  );
}
