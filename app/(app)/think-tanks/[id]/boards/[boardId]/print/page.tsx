import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/boards/print-button";
import { boardSections } from "@/lib/boards/export";
import { loadBoard } from "../load";

type Props = { params: Promise<{ id: string; boardId: string }> };

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props) {
  const { id, boardId } = await params;
  const [t, { snapshot }] = await Promise.all([getTranslations("boardPrint"), loadBoard(id, boardId, "/print")]);
  return { title: t("title", { title: snapshot.board.title }) };
}

/** The board as a plain document: columns (or the canvas), groups, texts, dots; names only where not anonymous. */
export default async function BoardPrintPage({ params }: Props) {
  const { id, boardId } = await params;
  const { path: boardPath, snapshot } = await loadBoard(id, boardId, "/print");
  const [t, te, tc, format] = await Promise.all([getTranslations("boardPrint"), getTranslations("boardExport"), getTranslations("boardColours"), getFormatter()]);
  const anonymous = snapshot.board.anonymous;
  return (
    <article aria-labelledby="print-title" className="space-y-4 print:text-black">
      <div className="flex flex-wrap gap-2 print:hidden">
        <PrintButton label={t("print")} />
        <Link href={boardPath} className="rounded border border-slate-600 px-3 py-1.5 hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-teal-700">
          {t("back")}
        </Link>
      </div>
      <header>
        <h2 id="print-title" className="text-2xl font-semibold">
          {snapshot.board.title}
        </h2>
        <p className="text-sm text-slate-700">{t("printedAt", { date: format.dateTime(new Date(), { dateStyle: "medium", timeStyle: "short" }) })}</p>
        {anonymous ? <p className="text-sm italic">{te("anonymousNote")}</p> : null}
      </header>
      {boardSections(snapshot, { canvas: te("canvas") }).map((section) => (
        <section key={section.id ?? "canvas"} aria-labelledby={`print-${section.id ?? "canvas"}`} className="break-inside-avoid">
          <h3 id={`print-${section.id ?? "canvas"}`} className="border-b border-slate-500 text-xl font-semibold">
            {section.title}
          </h3>
          {section.groups.length === 0 ? <p className="italic">{te("empty")}</p> : null}
          {section.groups.map(({ group, cards }) => (
            <div key={group?.id ?? "loose"} className="mt-2">
              {group ? <h4 className="font-semibold">{te("group", { title: group.title || te("untitledGroup") })}</h4> : null}
              <ul className="ml-5 list-disc">
                {cards.map((card) => (
                  <li key={card.id} className="break-inside-avoid">
                    <span className="whitespace-pre-wrap">{card.text}</span>
                    <span className="text-sm text-slate-700">
                      {" "}
                      ({tc(card.colour)}
                      {card.votes !== undefined ? `, ${te("votes", { count: card.votes })}` : ""}
                      {!anonymous && card.author ? `, ${te("author", { name: card.author.name })}` : ""})
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </article>
  );
}
