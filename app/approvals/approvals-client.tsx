"use client";

import { AwaitingCard } from "@/components/approvals/awaiting-card";
import { NoApprovals } from "@/components/approvals/no-approvals";
import { Freshness } from "@/components/live/freshness";
import { LiveFailure } from "@/components/live/live-status";
import { useLiveView } from "@/components/live/use-live-view";
import { FailureDetails } from "@/components/ui/failure-details";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import type { LiveRead } from "@/lib/live-read";
import { liveReadPaths, queryKeys } from "@/lib/query-keys";
import type { ApprovalsInbox } from "@/lib/view-models/approvals-inbox";

export function ApprovalsClient({ initial }: { initial: LiveRead<ApprovalsInbox> }) {
  const { data: inbox, failure, updatedAt, now } = useLiveView({
    queryKey: queryKeys.approvals(),
    path: liveReadPaths.approvals,
    initial,
    what: "The approvals",
  });
  // The server keeps one read for a few seconds: its own time says how fresh the list is.
  const readAt = inbox ? Date.parse(inbox.readAt) || updatedAt : undefined;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Approvals"
        description="Every deployment paused for a decision, in every cluster, the soonest to time out first. Refreshed every 10 seconds."
        aside={readAt !== undefined && <Freshness updatedAt={readAt} now={now} stale={failure !== undefined} />}
      />
      <LiveFailure failure={failure} hasData={inbox !== undefined} what="approvals" />
      {inbox && <InboxBody inbox={inbox} now={now} />}
    </div>
  );
}

function InboxBody({ inbox, now }: { inbox: ApprovalsInbox; now: number }) {
  return (
    <>
      {inbox.gaps.map((gap) => (
        <Notice key={gap.cluster ?? "deployments"} tone="warn" title={gap.cluster ? `Cluster ${gap.cluster} could not be read: a deployment of it may be missing here` : "The deployments in progress could not be read: this list may be incomplete"}>
          <FailureDetails failure={gap.error} />
        </Notice>
      ))}
      {inbox.waiting.length === 0 ? (
        inbox.gaps.length === 0 && <NoApprovals />
      ) : (
        <ul aria-label="Deployments awaiting approval" className="space-y-4">
          {inbox.waiting.map((item) => (
            <li key={`${item.serviceDeploymentArn} ${item.hookId}`}>
              <AwaitingCard item={item} now={now} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
