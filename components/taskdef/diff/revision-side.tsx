import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { FailureDetails } from "@/components/ui/failure-details";
import { Notice } from "@/components/ui/notice";
import type { ComparedRevision } from "@/lib/taskdef/diff-comparison";
import { pagePaths } from "@/lib/query-keys";
import { formatTimestamp } from "@/lib/timestamp";
import type { Part } from "@/lib/view-models/common";

/** One side's header: which revision, when it was registered and what its change note says; or why it could not be read. */
export function RevisionSide({ role, asked, side }: { role: "Older" | "Newer"; asked: string; side: Part<ComparedRevision> }) {
  const titleId = `revision-${role.toLowerCase()}`;
  return (
    <section aria-labelledby={titleId} className="min-w-0 rounded-lg border border-line bg-surface p-4 shadow-sm">
      <h2 id={titleId} className="flex flex-wrap items-center gap-2 text-base font-semibold">
        <span className="text-ink-muted">{role}</span>
        {side.ok ? (
          <Link href={pagePaths.taskDefinitionRevision(side.value.family, side.value.revision)} className="font-mono text-link underline-offset-2 hover:underline">
            {side.value.label}
          </Link>
        ) : (
          <span className="font-mono [overflow-wrap:anywhere]">{asked || "—"}</span>
        )}
        {side.ok && side.value.status !== "ACTIVE" && <Badge tone="warn">{side.value.status.toLowerCase()}</Badge>}
      </h2>
      {side.ok ? <RevisionFacts revision={side.value} /> : <SideFailure role={role} side={side} />}
    </section>
  );
}

function RevisionFacts({ revision }: { revision: ComparedRevision }) {
  return (
    <dl className="mt-2 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
      <dt className="text-ink-muted">Registered</dt>
      <dd>{revision.registeredAt ? <time dateTime={revision.registeredAt}>{formatTimestamp(revision.registeredAt)}</time> : "—"}</dd>
      <dt className="text-ink-muted">Change note</dt>
      <dd className="[overflow-wrap:anywhere]">{revision.changeNote ?? <span className="text-ink-muted">None</span>}</dd>
    </dl>
  );
}

function SideFailure({ role, side }: { role: string; side: Extract<Part<ComparedRevision>, { ok: false }> }) {
  const title = side.error.code === "not-found" ? `${role} revision not found` : side.error.code === "invalid-input" ? `${role} revision is not a revision` : `${role} revision could not be read`;
  return (
    <div className="mt-2">
      <Notice tone={side.error.code === "invalid-input" ? "warn" : "danger"} title={title}>
        <FailureDetails failure={side.error} />
      </Notice>
    </div>
  );
}
