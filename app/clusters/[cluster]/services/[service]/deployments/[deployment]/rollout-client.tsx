"use client";

import { Freshness } from "@/components/live/freshness";
import { LiveFailure } from "@/components/live/live-status";
import { RolloutHeader } from "@/components/rollout/rollout-header";
import { RolloutNotFound } from "@/components/rollout/rollout-not-found";
import { ROLLOUT_POLL_MS, useRolloutView } from "@/components/rollout/use-rollout-view";
import { ServiceEvents } from "@/components/service/service-events";
import type { LiveRead } from "@/lib/live-read";
import type { RolloutRead } from "@/lib/view-models/rollout";

export function RolloutClient({ cluster, service, deploymentId, initial }: { cluster: string; service: string; deploymentId: string; initial: LiveRead<RolloutRead> }) {
  const { view, failure, updatedAt, now } = useRolloutView(cluster, service, deploymentId, initial);
  if (!view && failure?.code === "not-found") return <RolloutNotFound cluster={cluster} service={service} deploymentId={deploymentId} failure={failure} />;
  if (!view) return <LiveFailure failure={failure} hasData={false} what="deployment" everyMs={ROLLOUT_POLL_MS} />;
  return (
    <div className="space-y-6">
      <RolloutHeader
        view={view}
        deploymentId={deploymentId}
        now={now}
        aside={updatedAt !== undefined && <Freshness updatedAt={Date.parse(view.lookedAt) || updatedAt} now={now} stale={failure !== undefined} />}
      />
      <LiveFailure failure={failure} hasData what="deployment" everyMs={ROLLOUT_POLL_MS} />
      <ServiceEvents events={view.events} now={now} />
    </div>
  );
}
