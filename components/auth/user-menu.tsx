"use client";

import { signOut } from "next-auth/react";
import type { Role } from "@/lib/auth/roles";

/** Who is signed in, with which roles, and the way out. */
export function UserMenu({ name, roles }: { name: string; roles: readonly Role[] }) {
  return (
    <div className="flex items-center gap-3 text-sm">
      <p className="hidden text-right leading-tight sm:block">
        <span className="block font-medium text-brand-ink">{name}</span>
        <span className="block text-xs text-brand-ink/75">{roles.length ? roles.join(", ") : "no role"}</span>
      </p>
      <button
        type="button"
        onClick={() => void signOut({ callbackUrl: "/sign-in" })}
        className="rounded-md px-2 py-1.5 whitespace-nowrap text-brand-ink/90 ring-1 ring-white/25 hover:text-brand-ink"
      >
        Sign out<span className="sr-only"> {name}</span>
      </button>
    </div>
  );
}
