"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** A top-bar link, marked as the current page on its own path and on every path under `section`. */
export function NavLink({ href, section, children }: { href: string; section?: string; children: ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || (section !== undefined && (pathname === section || pathname.startsWith(`${section}/`)));
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className="inline-flex h-14 items-center border-b-2 whitespace-nowrap border-transparent px-2 text-sm font-medium text-brand-ink/80 hover:text-brand-ink aria-[current=page]:border-accent aria-[current=page]:text-brand-ink"
    >
      {children}
    </Link>
  );
}
