import Link from "next/link";
import { UserMenu } from "@/components/auth/user-menu";
import { can } from "@/lib/auth/permissions";
import type { ConnectionOptions } from "@/lib/connection-choice";
import type { Actor } from "@/lib/auth/actor";
import { ApprovalsLabel } from "./approvals-badge";
import { ConnectionPicker } from "./connection-picker";
import { NavLink } from "./nav-link";

/**
 * A section's name cut short on a phone. The full name stays the link's accessible name, and
 * the short one is part of it, so what a person sees is what they can say to voice control.
 */
function ShortOnPhone({ short, full }: { short: string; full: string }) {
  return (
    <>
      <span aria-hidden="true" className="sm:hidden">
        {short}
      </span>
      <span className="sr-only sm:not-sr-only">{full}</span>
    </>
  );
}

/** `connection` is given against real AWS, where the region and profile are picked here; `actor` once someone has signed in. */
export function TopBar({ connection, actor, readOnly }: { connection?: ConnectionOptions; actor?: Actor; readOnly: boolean }) {
  return (
    // The page's blue focus ring would vanish on the navy bar: a light one here.
    <header className="bg-brand text-brand-ink [--focus:#9ad1f5]">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-2 px-3 sm:gap-6 sm:px-6">
        <Link href="/" className="flex items-center gap-2 rounded text-lg font-semibold tracking-tight">
          {/* Decorative: the link's name is the word beside it. */}
          <img src="/favicon.svg" alt="" width={28} height={28} className="rounded-md ring-1 ring-white/20" />
          {/* On a phone the mark alone leaves room for the sections; the link keeps its name. */}
          <span className="sr-only sm:not-sr-only">Slipway</span>
        </Link>
        {actor && (
          // Scrolls sideways rather than widening the page, should a long name or the AWS connection picker crowd it; positioned, so its screen-reader-only words stay inside.
          <nav aria-label="Main" className="relative min-w-0 overflow-x-auto">
            <ul className="flex sm:gap-2">
              <li>
                <NavLink href="/" section="/clusters">
                  Clusters
                </NavLink>
              </li>
              <li>
                <NavLink href="/task-definitions" section="/task-definitions">
                  <ShortOnPhone short="Defs" full="Task definitions" />
                </NavLink>
              </li>
              <li>
                <NavLink href="/approvals">
                  <ApprovalsLabel />
                </NavLink>
              </li>
              {can(actor.roles, "audit") && (
                <li>
                  <NavLink href="/audit">
                    <ShortOnPhone short="Audit" full="Audit log" />
                  </NavLink>
                </li>
              )}
              {can(actor.roles, "manage-sessions") && (
                <li>
                  <NavLink href="/sessions">Sessions</NavLink>
                </li>
              )}
            </ul>
          </nav>
        )}
        <div className="ml-auto flex shrink-0 items-center gap-3">
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
