import "server-only";
import { AppError, errorStatus } from "./errors";
import { resolveLocale } from "./i18n/locale";
import { translator } from "./i18n/messages";

/** JSON error body for every API: `{ error: { code, message, fields? } }`, message in the caller's language. */
export function errorResponse(error: unknown, request?: Request): Response {
  const appError = error instanceof AppError ? error : null;
  if (!appError) console.error("[api] unexpected error", error);
  const code = appError?.code ?? "internal";
  const locale = resolveLocale({ acceptLanguage: request?.headers.get("accept-language") });
  const t = translator(locale, "errors");
  const tf = translator(locale, "fieldErrors");
  const fields = appError?.fields
    ? Object.fromEntries(Object.entries(appError.fields).map(([k, keys]) => [k, keys.map((key) => (tf.has(key as never) ? tf(key as never) : key))]))
    : undefined;
  const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };
  if (appError?.retryAfterSeconds) headers["retry-after"] = String(appError.retryAfterSeconds);
  return new Response(JSON.stringify({ error: { code, message: t(code), ...(fields ? { fields } : {}) } }), {
    status: errorStatus[code],
    headers,
  });
}
