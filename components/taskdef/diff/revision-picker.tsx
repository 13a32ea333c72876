"use client";

import Link from "next/link";
import { TextField } from "@/components/ui/field";
import { pagePaths } from "@/lib/query-keys";

/**
 * The two revisions to compare, as a plain GET form: the URL says what is compared, so it
 * can be shared, and the page works before its JavaScript runs.
 */
export function RevisionPicker({ left, right }: { left: string; right: string }) {
  const canSwap = left.trim() !== "" && right.trim() !== "";
  return (
    <form
      method="get"
      action={`${pagePaths.taskDefinitions()}/compare`}
      aria-label="Revisions to compare"
      className="grid gap-3 rounded-lg border border-line bg-surface p-4 shadow-sm sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-end"
    >
      <TextField label="Older revision" name="left" defaultValue={left} placeholder="web:4" autoComplete="off" spellCheck={false} hint="family:revision" />
      <TextField label="Newer revision" name="right" defaultValue={right} placeholder="web:5" autoComplete="off" spellCheck={false} hint="family:revision" />
      <div className="flex items-center gap-3 sm:pb-6">
        <button type="submit" className="inline-flex min-h-9 items-center rounded-md border border-transparent bg-brand px-3 py-1.5 text-sm font-medium text-brand-ink shadow-sm hover:bg-brand/90">
          Compare
        </button>
        {canSwap && (
          <Link href={pagePaths.taskDefinitionCompare(right, left)} className="text-sm font-medium text-link underline underline-offset-2 hover:no-underline">
            <span aria-hidden="true">⇄ </span>Swap
          </Link>
        )}
      </div>
    </form>
  );
}
