import type { Locale } from "@/db/schema";
import { appUrl } from "@/lib/env";
import { translator } from "@/lib/i18n/messages";
import type { OutcomeReport } from "./queries";

/** Markdown special characters in user text are escaped, so a title cannot become a heading or a link. */
function md(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+!|<>])/g, "\\$1");
}

/** Multi-line text as a quoted block (keeps the author's line breaks, escapes the rest). */
function block(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => (line.trim() ? md(line) : ""))
    .join("  \n");
}

/** The think-tank's outcome as a Markdown document (the archive's export). */
export function outcomeMarkdown(report: OutcomeReport, locale: Locale): string {
  const t = translator(locale, "outcomeExport");
  const tr = translator(locale, "participantsEmails");
  const ts = translator(locale, "sectors");
  const tt = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  const dateFormat = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "de-DE", { dateStyle: "long", timeZone: "Europe/Berlin" });
  const tk = report.thinkTank;
  const out: string[] = [];
  out.push(`# ${md(tk.title)}`, "");
  out.push(`**${t("question")}:** ${md(tk.question)}`, "");
  out.push(`**${t("status")}:** ${tt(`statuses.${tk.status}`)}${tk.concludedAt ? ` · ${t("concludedOn", { date: dateFormat.format(tk.concludedAt) })}` : ""}`, "");
  out.push(`## ${t("summary")}`, "", tk.summary ? block(tk.summary) : `_${t("none")}_`, "");
  if (tk.decisions) out.push(`## ${t("decisions")}`, "", block(tk.decisions), "");
  out.push(`## ${t("ideas")}`, "");
  if (!report.ideas.length) out.push(`_${t("none")}_`);
  for (const idea of report.ideas) {
    const link = idea.boardId ? ` ([${t("card")}](${appUrl()}/think-tanks/${tk.id}/boards/${idea.boardId}))` : "";
    out.push(`- ${md(idea.title)}${idea.note ? ` – ${md(idea.note)}` : ""}${link}`);
  }
  out.push("", `## ${t("problems")}`, "");
  if (!report.origin.length) out.push(`_${t("none")}_`);
  for (const p of report.origin) {
    const state = p.status === "resolved" ? t("resolved") : t("open");
    out.push(`- ${md(p.title)} (${md(p.networkName)}): ${state}${p.note ? ` – ${md(p.note)}` : ""}`);
  }
  out.push("", `## ${t("tasks")}`, "");
  if (!report.tasks.length) out.push(`_${t("none")}_`);
  for (const task of report.tasks) {
    const bits = [md(task.networkName), task.assigneeName ? md(task.assigneeName) : null, task.dueDate ? t("due", { date: task.dueDate }) : null].filter(Boolean);
    out.push(`- ${md(task.title)} (${bits.join(", ")})`);
  }
  out.push("", `## ${t("participants")}`, "");
  for (const person of report.participants) {
    const extra = [tr(`roles.${person.role}`), person.organisation ? md(person.organisation) : null, person.sector ? ts(person.sector) : null].filter(Boolean);
    out.push(`- ${md(person.name)} (${extra.join(", ")})`);
  }
  out.push("", `**${t("sectorMix")}:** ${report.sectorMix.map((s) => `${s.sector === "unspecified" ? t("unspecified") : ts(s.sector)}: ${s.count}`).join(" · ")}`, "");
  if (report.predecessor) out.push(`${t("carriedOverFrom")}: ${md(report.predecessor.title)}`, "");
  for (const s of report.successors) out.push(`${t("carriedOverTo")}: ${md(s.title)}`, "");
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n").trim()}\n`;
}
