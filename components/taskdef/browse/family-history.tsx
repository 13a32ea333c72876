"use client";

import Link from "next/link";
import { useState } from "react";
import { useCan } from "@/components/auth/permissions-context";
import { useNow } from "@/components/live/use-now";
import { PageHeader } from "@/components/ui/page-header";
import { formatCount } from "@/lib/format";
import { pagePaths } from "@/lib/query-keys";
import type { FamilyHistory as History } from "@/lib/view-models/task-definition-history";
import { PRIMARY_LINK, SECONDARY_LINK, TEXT_LINK } from "./link-styles";
import { RevisionTable } from "./revision-table";
import { TaskDefinitionBreadcrumb } from "./task-definition-breadcrumb";

function countsText({ counts }: History): string {
  const total = counts.ACTIVE + counts.INACTIVE + counts.DELETE_IN_PROGRESS;
  const parts = [`${counts.ACTIVE.toLocaleString("en-US")} active`, `${counts.INACTIVE.toLocaleString("en-US")} inactive`];
  if (counts.DELETE_IN_PROGRESS > 0) parts.push(`${counts.DELETE_IN_PROGRESS.toLocaleString("en-US")} being deleted`);
  return `${formatCount(total, "revision")}: ${parts.join(", ")}.`;
}

/** Two revisions picked in the table, as a link to their diff, older on the left. */
function ComparePicked({ family, picked, onClear }: { family: string; picked: readonly number[]; onClear: () => void }) {
  const [older, newer] = [...picked].sort((a, b) => a - b);
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-md border border-line bg-surface-sunken px-4 py-2 text-sm">
      {older !== undefined && newer !== undefined ? (
        <>
          <Link href={pagePaths.taskDefinitionCompare(`${family}:${older}`, `${family}:${newer}`)} className={PRIMARY_LINK}>
            Compare {family}:{older} with {family}:{newer}
          </Link>
          <button type="button" onClick={onClear} className={TEXT_LINK}>
            Clear
          </button>
        </>
      ) : (
        <p className="text-ink-muted">{picked.length === 1 ? `Pick one more revision to compare with ${family}:${picked[0]}.` : "Pick two revisions to compare them side by side."}</p>
      )}
    </div>
  );
}

/** Links to the next older page and back to the newest; in the URL, so a page of history can be reloaded and shared. */
function Paging({ history }: { history: History }) {
  if (history.before === undefined && history.olderBefore === undefined) return null;
  return (
    <nav aria-label="Older and newer revisions" className="flex flex-wrap gap-3">
      {history.before !== undefined && (
        <Link href={pagePaths.taskDefinitionFamily(history.family)} className={SECONDARY_LINK}>
          Show the newest revisions
        </Link>
      )}
      {history.olderBefore !== undefined && (
        <Link href={`${pagePaths.taskDefinitionFamily(history.family)}?before=${history.olderBefore}`} className={SECONDARY_LINK}>
          Show older revisions
        </Link>
      )}
    </nav>
  );
}

/** A family's page: its revisions newest first, picked two at a time for a diff, and a new revision from the latest. */
export function FamilyHistory({ history, readAt }: { history: History; readAt: number }) {
  const now = useNow(readAt);
  const canOperate = useCan("operate");
  const [picked, setPicked] = useState<number[]>([]);
  // A third pick replaces the first: the two most recent picks are compared.
  const pick = (revision: number) => setPicked((current) => (current.includes(revision) ? current.filter((r) => r !== revision) : [...current, revision].slice(-2)));
  const from = history.latestActive ?? history.latest;
  return (
    <div className="space-y-6">
      <div>
        <TaskDefinitionBreadcrumb family={history.family} />
        <PageHeader
          title={history.family}
          description={countsText(history)}
          aside={
            canOperate && (
              <Link href={pagePaths.taskDefinitionEditor(`${history.family}:${from}`)} className={PRIMARY_LINK}>
                New revision from latest
              </Link>
            )
          }
        />
      </div>
      {history.rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-line px-4 py-3 text-sm text-ink-muted">
          {history.family} has no revision older than {history.before}.
        </p>
      ) : (
        <>
          <ComparePicked family={history.family} picked={picked} onClear={() => setPicked([])} />
          <RevisionTable family={history.family} rows={history.rows} now={now} picked={picked} onPick={pick} />
        </>
      )}
      <Paging history={history} />
    </div>
  );
}
