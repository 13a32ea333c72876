import Link from "next/link";
import { UserMenu } from "@/components/auth/user-menu";
import { can } from "@/lib/auth/permissions";
import type { ConnectionOptions } from "@/lib/connection-choice";
import type { Actor } from "@/server/auth/session";
import { ConnectionPicker } from "./connection-picker";
import { NavLink } from "./nav-link";

/** `connection` is given against real AWS, where the region and profile are picked here; `actor` once someone has signed in. */
export function TopBar({ connection, actor, readOnly }: { connection?: ConnectionOptions; actor?: Actor; readOnly: boolean }) {
  return (
    // The page's blue focus ring would vanish on the navy bar: a light one here.
    <header className="bg-brand text-brand-ink [--focus:#9ad1f5]">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4 sm:gap-6 sm:px-6">
        <Link href="/" className="flex items-center gap-2 rounded text-lg font-semibold tracking-tight">
          {/* Decorative: the link's name is the word beside it. */}
          <img src="/favicon.svg" alt="" width={28} height={28} className="rounded-md ring-1 ring-white/20" />
          Slipway
        </Link>
        {actor && (
          <nav aria-label="Main" className="min-w-0 overflow-x-auto">
            <ul className="flex gap-1 sm:gap-2">
              <li>
                <NavLink href="/" section="/clusters">
                  Clusters
                </NavLink>
              </li>
              <li>
                <NavLink href="/task-definitions" section="/task-definitions">
                  Task definitions
                </NavLink>
              </li>
              {can(actor.roles, "audit") && (
                <li>
                  <NavLink href="/audit">Audit log</NavLink>
                </li>
              )}
            </ul>
          </nav>
        )}
        <div className="ml-auto flex items-center gap-3">
          {readOnly && (
            <span className="rounded-full bg-accent px-2 py-0.5 text-xs font-semibold text-brand" title="Nothing can be changed through this Slipway.">
              Read-only
            </span>
          )}
          {connection && <ConnectionPicker options={connection} />}
          {actor && <UserMenu name={actor.name} roles={actor.roles} />}
        </div>
      </div>
    </header>
  );
}
