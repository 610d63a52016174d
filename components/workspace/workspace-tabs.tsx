"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type WorkspaceTab = { href: string; label: string; exact?: boolean };

/** The Work-Space sections; the current one is marked with aria-current and an underline, not colour alone. */
export function WorkspaceTabs({ label, tabs }: { label: string; tabs: WorkspaceTab[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="mb-6 border-b border-slate-200 pb-2">
      <ul className="flex flex-wrap gap-1">
        {tabs.map((tab) => {
          const current = tab.exact ? pathname === tab.href : pathname === tab.href || pathname.startsWith(`${tab.href}/`);
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={current ? "page" : undefined}
                className={`block rounded px-3 py-1 hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-teal-700 ${
                  current ? "font-semibold text-teal-900 underline decoration-2 underline-offset-4" : "text-slate-800"
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
