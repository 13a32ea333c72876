import Link from "next/link";
import { useId } from "react";
import { pausedAtText } from "@/lib/approval-text";
import { formatRelativeTime } from "@/lib/format";
import { pagePaths } from "@/lib/query-keys";
import { clockTime, countdownText } from "@/lib/rollout/approval-text";
import { formatTimestamp } from "@/lib/timestamp";
import type { AwaitingApproval } from "@/lib/view-models/approvals-inbox";
import { Badge } from "@/components/ui/badge";

/** One deployment waiting for a person: where, what it asks, how long it has waited and how long is left; the way to decide. */
export function AwaitingCard({ item, now }: { item: AwaitingApproval; now: number }) {
  const titleId = useId();
  const countdown = countdownText(item, now);
  const decide = pagePaths.deployment(item.cluster, item.service, item.deploymentId);
  return (
    <article aria-labelledby={titleId} className="rounded-lg border border-warn-line bg-surface p-4 shadow-sm sm:p-5">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h2 id={titleId} className="min-w-0 text-lg font-semibold [overflow-wrap:anywhere]">
          {item.service} <span className="font-normal text-ink-muted">in</span> {item.cluster}
        </h2>
        <Badge tone="warn">Awaiting approval</Badge>
      </header>
      <p className="mt-2 text-base font-semibold">{item.question}</p>
      <p className="mt-1 text-sm text-ink-muted">
        {pausedAtText(item.lifecycleStage)} · {item.strategy}
      </p>
      <p className="mt-1 text-sm">
        {item.sourceLabel && item.targetLabel ? `${item.sourceLabel} → ${item.targetLabel}` : item.targetLabel} ·{" "}
        {item.startedBy ? (
          <>
            started by <span className="font-medium">{item.startedBy.name}</span> at <time dateTime={item.startedBy.at}>{clockTime(item.startedBy.at)}</time>
          </>
        ) : (
          "started outside Slipway (the console, the CLI or a pipeline)"
        )}
      </p>
      {item.imageChanges.length > 0 && (
        <ul aria-label="Image changes" className="mt-2 space-y-1 text-sm">
          {item.imageChanges.map((change) => (
            <li key={change.container} className="[overflow-wrap:anywhere]">
              <span className="font-medium">{change.container}</span>: <span className="font-mono text-xs">{change.from ?? "new container"}</span> →{" "}
              <span className="font-mono text-xs">{change.to}</span>
            </li>
          ))}
        </ul>
      )}
      <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-ink-muted">Waiting since</dt>
          <dd>
            {item.pausedSince ? (
              // A clock a little ahead of the browser's must not read "in 1 min".
              <time dateTime={item.pausedSince} title={formatTimestamp(item.pausedSince)}>
                {formatRelativeTime(new Date(Math.min(Date.parse(item.pausedSince), now)).toISOString(), now)}
              </time>
            ) : (
              "Not known"
            )}
          </dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-ink-muted">If nobody decides</dt>
          <dd className="font-medium text-warn">{countdown ?? "It waits with no timeout"}</dd>
        </div>
      </dl>
      <p className="mt-4">
        <Link
          href={decide}
          aria-describedby={titleId}
          className="inline-flex min-h-9 items-center rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-brand-ink shadow-sm hover:bg-brand/90"
        >
          Open the rollout to decide
        </Link>
      </p>
    </article>
  );
}
