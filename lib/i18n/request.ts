import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { localeCookie, resolveLocale } from "./locale";
import { messages } from "./messages";

export default getRequestConfig(async () => {
  const [cookieStore, headerList, user] = await Promise.all([cookies(), headers(), currentUser()]);
  const locale = resolveLocale({
    profile: user?.locale,
    cookie: cookieStore.get(localeCookie)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
  return { locale, messages: messages[locale], timeZone: "Europe/Berlin" };
});
