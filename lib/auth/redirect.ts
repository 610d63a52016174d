const BASE = "http://callback.invalid";

/** Only same-site paths are followed after sign-in; anything else lands on the home page. */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  // Browsers drop tabs and newlines and read "\" as "/" before resolving a URL, so "/\t/evil.com"
  // would become "//evil.com": no control characters or backslashes, and it must stay on our origin.
  if ([...value].some((c) => c < " " || c === "\u007f" || c === "\\")) return "/";
  if (new URL(value, BASE).origin !== BASE) return "/";
  return value;
}
