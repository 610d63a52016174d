import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { signOutEverywhere, switchLanguage } from "@/app/shell-actions";
import { currentUser } from "@/lib/auth/session";
import { supportedLocales } from "@/lib/i18n/locale";
import { can } from "@/lib/policy";
import { NavLink } from "./nav-link";

export async function SiteHeader() {
  const [t, locale, user] = await Promise.all([getTranslations("shell"), getLocale(), currentUser()]);
  const links = [
    { href: "/networks", label: t("nav.directory") },
    ...(user
      ? [
          { href: "/my-networks", label: t("nav.myNetworks") },
          { href: "/think-tanks", label: t("nav.thinkTanks") },
          { href: "/profile", label: t("nav.profile") },
        ]
      : []),
    ...(can(user, "problems.inbox") ? [{ href: "/moderation/problems", label: t("nav.problemInbox") }] : []),
    ...(can(user, "admin.view") ? [{ href: "/admin", label: t("nav.admin") }] : []),
  ];
  const other = supportedLocales.find((l) => l !== locale) ?? "de";

  const nav = (
    <ul className="flex flex-col gap-1 md:flex-row md:items-center md:gap-4">
      {links.map((link) => (
        <li key={link.href}>
          <NavLink href={link.href}>{link.label}</NavLink>
        </li>
      ))}
    </ul>
  );

  const account = (
    <div className="flex flex-col gap-2 md:flex-row md:items-center md:gap-3">
      <form action={switchLanguage}>
        <input type="hidden" name="locale" value={other} />
        <button
          type="submit"
          lang={other}
          aria-label={t("switchLanguage", { language: t(`languageNames.${other}`) })}
          className="rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100"
        >
          <span aria-hidden="true">{other.toUpperCase()}</span>
        </button>
      </form>
      {user ? (
        <>
          <span className="text-sm text-slate-700">{t("signedInAs", { name: user.name })}</span>
          <form action={signOutEverywhere}>
            <button type="submit" className="rounded border border-slate-400 px-3 py-1 text-sm hover:bg-slate-100">
              {t("signOut")}
            </button>
          </form>
        </>
      ) : (
        <>
          <Link href="/sign-in" className="rounded bg-teal-800 px-3 py-1 text-sm font-semibold text-white hover:bg-teal-900">
            {t("signIn")}
          </Link>
          <Link href="/sign-up" className="rounded border border-teal-800 px-3 py-1 text-sm text-teal-900 hover:bg-teal-50">
            {t("signUp")}
          </Link>
        </>
      )}
    </div>
  );

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="text-xl font-bold text-teal-900" aria-label={t("home")}>
          Netzwerkstatt
        </Link>
        <nav aria-label={t("mainNavigation")} className="hidden flex-1 md:block">
          {nav}
        </nav>
        <div className="hidden md:block">{account}</div>
        {/* Small screens: a disclosure that works with keyboard and without JavaScript. */}
        <details className="relative md:hidden">
          <summary className="cursor-pointer list-none rounded border border-slate-400 px-3 py-1">{t("menu")}</summary>
          <div className="absolute right-0 z-20 mt-2 w-64 rounded border border-slate-200 bg-white p-3 shadow-lg">
            <nav aria-label={t("mainNavigation")}>{nav}</nav>
            <div className="mt-3 border-t border-slate-200 pt-3">{account}</div>
          </div>
        </details>
      </div>
    </header>
  );
}
