"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** Marks the current section with aria-current and an underline, not colour alone. */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`block rounded px-2 py-1 hover:bg-slate-100 ${current ? "font-semibold underline decoration-2 underline-offset-4" : ""}`}
    >
      {children}
    </Link>
  );
}
