import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BoardApp } from "@/components/boards/board-app";
import { loadBoard } from "./load";

type Props = { params: Promise<{ id: string; boardId: string }> };

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props) {
  const { id, boardId } = await params;
  const [t, { snapshot }] = await Promise.all([getTranslations("boardPage"), loadBoard(id, boardId)]);
  return { title: t("metaTitle", { title: snapshot.board.title }) };
}

const linkClass = "rounded border border-slate-600 px-2 py-1 text-sm text-slate-900 hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-teal-700";

export default async function BoardPage({ params }: Props) {
  const { id, boardId } = await params;
  const [t, { path, snapshot }] = await Promise.all([getTranslations("boardPage"), loadBoard(id, boardId)]);
  return (
    <section aria-labelledby="board-title" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h2 id="board-title" className="text-2xl font-semibold">
            {snapshot.board.title}
          </h2>
          <p className="text-sm text-slate-700">{t(`kind_${snapshot.board.kind}`)}</p>
        </div>
        <nav aria-label={t("export")} className="flex flex-wrap gap-2">
          <Link href={`/think-tanks/${encodeURIComponent(id)}/phases`} className={linkClass}>
            {t("backToPhases")}
          </Link>
          <Link href={`${path}/print`} className={linkClass}>
            {t("print")}
          </Link>
          <a href={`${path}/export/markdown`} className={linkClass} download>
            {t("exportMarkdown")}
          </a>
          <a href={`${path}/export/csv`} className={linkClass} download>
            {t("exportCsv")}
          </a>
        </nav>
      </div>
      <noscript>
        <p className="rounded border border-amber-800 bg-amber-50 p-2">{t("noScript")}</p>
      </noscript>
      <BoardApp boardId={snapshot.board.id} initialSnapshot={snapshot} />
    </section>
  );
}
