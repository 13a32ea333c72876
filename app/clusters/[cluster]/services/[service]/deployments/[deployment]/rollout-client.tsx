"use client";

import { Freshness } from "@/components/live/freshness";
import { LiveFailure } from "@/components/live/live-status";
import { ApprovalPanel } from "@/components/rollout/approval-panel";
import { DeploymentControls } from "@/components/rollout/deployment-controls";
import { RevisionCounts } from "@/components/rollout/revision-counts";
import { RolloutCharts } from "@/components/rollout/rollout-charts";
import { RolloutHeader } from "@/components/rollout/rollout-header";
import { RolloutNotFound } from "@/components/rollout/rollout-not-found";
import { StageStepper } from "@/components/rollout/stage-stepper";
import { useDecision } from "@/components/rollout/use-decision";
import { ROLLOUT_POLL_MS, useRolloutView } from "@/components/rollout/use-rollout-view";
import { Section } from "@/components/service/section";
import { ServiceEvents } from "@/components/service/service-events";
import type { LiveRead } from "@/lib/live-read";
import { extendToPresent } from "@/lib/rollout/chart-series";
import type { RolloutSample } from "@/lib/rollout/sample";
import type { AwsFailure } from "@/lib/aws-errors";
import type { RolloutRead, RolloutView } from "@/lib/view-models/rollout";

/** How much history the charts hold, and from when: kept across restarts, so it can be older than this page. */
function SampleCount({ samples }: { samples: readonly RolloutSample[] }) {
  const first = samples[0]?.at;
  if (!first) return <>No samples yet</>;
  return (
    <>
      {samples.length} {samples.length === 1 ? "sample" : "samples"} since <time dateTime={first}>{first.slice(11, 19)} UTC</time>
    </>
  );
}

export function RolloutClient({ cluster, service, deploymentId, initial }: { cluster: string; service: string; deploymentId: string; initial: LiveRead<RolloutRead> }) {
  const { view, failure, updatedAt, now } = useRolloutView(cluster, service, deploymentId, initial);
  if (!view && failure?.code === "not-found") return <RolloutNotFound cluster={cluster} service={service} deploymentId={deploymentId} failure={failure} />;
  if (!view) return <LiveFailure failure={failure} hasData={false} what="deployment" everyMs={ROLLOUT_POLL_MS} />;
  return <RolloutBody view={view} deploymentId={deploymentId} failure={failure} updatedAt={updatedAt} now={now} />;
}

function RolloutBody({ view, deploymentId, failure, updatedAt, now }: { view: RolloutView; deploymentId: string; failure?: AwsFailure; updatedAt?: number; now: number }) {
  const decision = useDecision(view);
  return (
    <div className="space-y-6">
      <RolloutHeader
        view={view}
        deploymentId={deploymentId}
        now={now}
        answered={decision.answered ? decision.decision : undefined}
        aside={updatedAt !== undefined && <Freshness updatedAt={Date.parse(view.lookedAt) || updatedAt} now={now} stale={failure !== undefined} />}
      />
      <LiveFailure failure={failure} hasData what="deployment" everyMs={ROLLOUT_POLL_MS} />
      {/* Both hide themselves when there is nothing to decide or stop; the panel keeps a decision's answer on screen. */}
      <ApprovalPanel view={view} now={now} decision={decision} />
      <DeploymentControls view={view} />
      <Section title="Stages">
        <StageStepper view={view} now={now} />
      </Section>
      <Section title="Revisions">
        <RevisionCounts view={view} />
      </Section>
      <Section title="Charts" aside={<SampleCount samples={view.samples} />}>
        <RolloutCharts samples={extendToPresent(view.samples, view.lookedAt)} />
      </Section>
      <ServiceEvents events={view.events} now={now} />
    </div>
  );
}
