import { renderMarkdown } from "@/lib/markdown";

/*
 * Renders member-written Markdown. Safe to use with any input: lib/markdown.ts sanitises the HTML
 * (no scripts, no event handlers, no javascript: URLs) before it reaches the page.
 */
export function Markdown({ source, className = "" }: { source: string; className?: string }) {
  const html = renderMarkdown(source);
  if (!html) return null;
  return (
    <div
      className={`space-y-3 leading-relaxed [&_a]:text-teal-800 [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_h3]:text-lg [&_h3]:font-semibold [&_h4]:font-semibold [&_ol]:list-decimal [&_ol]:pl-6 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-100 [&_pre]:p-2 [&_ul]:list-disc [&_ul]:pl-6 ${className}`}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
