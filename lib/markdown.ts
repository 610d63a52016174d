import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

/*
 * Markdown written by members (task descriptions, later problems and comments) becomes HTML here
 * and only here. The HTML is sanitised AFTER rendering, because Markdown lets raw HTML through:
 * an allow-list of harmless tags, no attributes except href/title on links and src/alt/title on
 * images, only http(s)/mailto URLs. Links to elsewhere must not hand our page to the target
 * (noopener), leak the Work-Space URL (noreferrer) or pass on our reputation (nofollow).
 */

const marked = new Marked({ gfm: true, breaks: true, async: false });

const ALLOWED_TAGS = [
  "p", "br", "hr", "strong", "em", "del", "s", "code", "pre", "blockquote",
  "ul", "ol", "li", "h3", "h4", "h5", "h6", "a", "img",
  "table", "thead", "tbody", "tr", "th", "td",
];

/** Headings inside a description sit below the page's own h1/h2: demote them. */
const demote = (to: string): sanitizeHtml.Transformer => (_tag, attribs) => ({ tagName: to, attribs });

const options: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ["href", "title", "rel"],
    img: ["src", "alt", "title"],
    th: ["align"],
    td: ["align"],
    ol: ["start"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Text inside <script>/<style> etc. goes entirely, not just the tags.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed"],
  transformTags: {
    h1: demote("h3"),
    h2: demote("h4"),
    a: (_tag, attribs) => ({ tagName: "a", attribs: { ...attribs, rel: "noopener noreferrer nofollow" } }),
  },
};

/** Sanitises an HTML fragment with the Markdown allow-list (exported for tests and for HTML from elsewhere). */
export function sanitizeMarkdownHtml(html: string): string {
  return sanitizeHtml(html, options);
}

/** Markdown → safe HTML fragment, ready for dangerouslySetInnerHTML. */
export function renderMarkdown(source: string): string {
  if (!source.trim()) return "";
  const html = marked.parse(source, { async: false });
  return sanitizeMarkdownHtml(html).trim();
}
