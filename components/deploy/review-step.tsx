"use client";

import dynamic from "next/dynamic";
import type { ReactNode } from "react";
import { ChangeList } from "@/components/taskdef/diff/change-list";
import { FailureDetails } from "@/components/ui/failure-details";
import { Notice } from "@/components/ui/notice";
import type { DeployChoices, TrafficShiftingSetup } from "@/lib/deploy/choices";
import { previewDeployment, type DeployPreview } from "@/lib/deploy/preview";
import { deployWarnings, type DeployWarning } from "@/lib/deploy/warnings";
import { formatDuration } from "@/lib/format";
import { diffRegistrations } from "@/lib/taskdef/diff";
import type { AwsFailure } from "@/lib/aws-errors";
import { ruleLabel, targetGroupName, type LoadBalancingChoices } from "@/lib/view-models/load-balancing";
import type { DeployCandidate, DeployContext } from "@/lib/view-models/deploy-context";
import { ConfigurationTable } from "./configuration-table";
import type { DeployPlanning } from "./load-planning";
import { useDeployCandidate } from "./use-deploy-candidate";

/** Recharts is loaded only when a review is shown, so the page's first load stays small. */
const TrafficPreviewChart = dynamic(() => import("@/components/charts/traffic-preview-chart"), {
  ssr: false,
  loading: () => <div className="h-56 animate-pulse rounded bg-surface-sunken" />,
});

interface ReviewStepProps {
  cluster: string;
  serviceName: string;
  context: DeployContext;
  choices: DeployChoices;
  planning: DeployPlanning;
}

/** Step 4: what the deploy changes, how traffic is planned to move and for how long, and what to watch out for. */
export function ReviewStep({ cluster, serviceName, context, choices, planning }: ReviewStepProps) {
  const { service, current } = context;
  const chosen = choices.source.kind === "revision" ? choices.source.taskDefinition : undefined;
  const { candidate, loading, failure } = useDeployCandidate(cluster, serviceName, current.arn, chosen && chosen !== current.arn ? chosen : undefined);
  const after = planning.deploymentConfigurationFor(choices.strategy, service.deploymentConfiguration, choices.alarms);
  const grace = { before: service.healthCheckGracePeriodSeconds, after: choices.strategy.kind === "rolling" ? choices.strategy.rolling.healthCheckGracePeriodSeconds : undefined };
  const preview = previewDeployment(choices.strategy, { desiredCount: service.desiredCount ?? 0 });
  const warnings = deployWarnings(choices, service, {
    current: current.registration.containerDefinitions,
    deploying: chosen === current.arn ? current.registration.containerDefinitions : candidate?.containers,
  });
  return (
    <div className="space-y-8">
      <Warnings warnings={warnings} />
      <Part title="Task definition">
        {choices.source.kind === "new-images" ? (
          <NewImagesChanges context={context} images={choices.source.images} />
        ) : chosen === current.arn ? (
          <p className="text-sm text-ink-muted">Redeploys {current.label}, the revision running now: the task definition does not change, every task is replaced.</p>
        ) : loading ? (
          <p className="text-sm text-ink-muted">Comparing {current.label} with the chosen revision…</p>
        ) : failure || !candidate?.comparison.diff ? (
          <Notice tone="warn" title="The revisions could not be compared">
            <FailureDetails failure={failure ?? sideFailure(candidate) ?? { code: "unknown", message: "ECS did not describe one of the two revisions." }} />
          </Notice>
        ) : (
          candidate.comparison.diff && (
            <>
              <p className="text-sm text-ink-muted">
                From {current.label} to {candidate.comparison.right.ok ? candidate.comparison.right.value.label : chosen}.
              </p>
              <ChangeList changes={candidate.comparison.diff.changes} hidden={candidate.comparison.diff.hidden} />
            </>
          )
        )}
      </Part>
      <Part title="Deployment configuration">
        <ConfigurationTable before={service.deploymentConfiguration ?? {}} after={after} grace={grace} />
      </Part>
      {choices.trafficShifting && (
        <Part title="Traffic shifting set up">
          <TrafficShiftingSetUp setup={choices.trafficShifting} choices={context.trafficShifting?.choices.ok ? context.trafficShifting.choices.value : undefined} />
        </Part>
      )}
      <Part title="Planned production traffic">
        <TrafficPreview preview={preview} />
      </Part>
    </div>
  );
}

/** What this deploy gives the service to shift traffic with, named as the lists named them. */
function TrafficShiftingSetUp({ setup, choices }: { setup: TrafficShiftingSetup; choices?: LoadBalancingChoices }) {
  const groupName = (arn: string) => choices?.targetGroups.find((group) => group.arn === arn)?.name ?? targetGroupName(arn);
  const ruleName = (arn: string) => {
    const rule = choices?.rules.find((candidate) => candidate.arn === arn);
    return rule ? ruleLabel(rule) : arn;
  };
  const rows: [string, string][] = [
    ["Alternate target group", groupName(setup.alternateTargetGroupArn)],
    ["Production listener rule", ruleName(setup.productionListenerRule)],
    ["Test listener rule", setup.testListenerRule ? ruleName(setup.testListenerRule) : "None"],
    ["Role", setup.roleArn],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
      {rows.map(([term, value]) => (
        <div key={term} className="min-w-0">
          <dt className="text-xs text-ink-muted">{term}</dt>
          <dd className="[overflow-wrap:anywhere]">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function sideFailure(candidate: DeployCandidate | undefined): AwsFailure | undefined {
  const { left, right } = candidate?.comparison ?? {};
  return (left && !left.ok ? left.error : undefined) ?? (right && !right.ok ? right.error : undefined);
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  const id = `review-${title.toLowerCase().replaceAll(" ", "-")}`;
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h3 id={id} className="text-base font-semibold">
        {title}
      </h3>
      {children}
    </section>
  );
}

function NewImagesChanges({ context, images }: { context: DeployContext; images: Record<string, string> }) {
  const before = context.current.registration;
  const after = { ...before, containerDefinitions: before.containerDefinitions?.map((container) => ({ ...container, image: images[container.name ?? ""] ?? container.image })) };
  const { changes } = diffRegistrations(before, after);
  return (
    <>
      <p className="text-sm text-ink-muted">A new revision of {context.current.family}, registered from {context.current.label} with these images, then deployed.</p>
      <ChangeList changes={changes} />
    </>
  );
}

const SEVERITY_TONE = { danger: "danger", warn: "warn", info: "info" } as const;
const SEVERITY_TITLE = { danger: "This will not work as chosen", warn: "Check this", info: "Worth knowing" } as const;

function Warnings({ warnings }: { warnings: DeployWarning[] }) {
  if (warnings.length === 0) return null;
  // Danger first: it is what stops a deploy from working.
  const ordered = [...warnings].sort((a, b) => order(a) - order(b));
  return (
    <section aria-label="Warnings" className="space-y-2">
      {ordered.map((warning, index) => (
        <Notice key={`${warning.code}-${index}`} tone={SEVERITY_TONE[warning.severity]} title={SEVERITY_TITLE[warning.severity]}>
          <p>{aboutWhich(warning)}</p>
        </Notice>
      ))}
    </section>
  );
}

/** A new image's warning names its container, as the field it is about does. */
function aboutWhich(warning: DeployWarning): string {
  const container = warning.field?.startsWith("source.images.") ? warning.field.slice("source.images.".length) : undefined;
  return container ? `Image of ${container}: ${warning.message}` : warning.message;
}

const order = (warning: DeployWarning) => ({ danger: 0, warn: 1, info: 2 })[warning.severity];

function TrafficPreview({ preview }: { preview: DeployPreview }) {
  const points = preview.points.map((point) => ({ atMinutes: point.atSeconds / 60, weight: point.weight, label: point.label }));
  const duration = Number.isFinite(preview.estimatedSeconds) ? formatDuration(preview.estimatedSeconds * 1000) : "never: it cannot finish";
  return (
    <div className="space-y-3">
      <p className="text-sm">
        <span className="font-medium">Estimated duration: </span>
        {duration}
        {preview.approvals > 0 && `, plus the time ${preview.approvals === 1 ? "the approval takes" : `the ${preview.approvals} approvals take`}`}.
      </p>
      {preview.stalls && <Notice tone="danger" title="The deployment cannot make progress">{preview.stalls}</Notice>}
      <figure className="min-w-0 rounded-lg border border-line bg-surface p-3">
        <TrafficPreviewChart points={points} />
        <figcaption className="mt-1 text-xs text-ink-muted">Share of production traffic on the new revision over time, as planned.</figcaption>
      </figure>
      <div className="relative overflow-x-auto rounded-lg border border-line bg-surface">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Planned steps of production traffic</caption>
          <thead className="bg-surface-sunken text-xs text-ink-muted">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">After</th>
              <th scope="col" className="px-3 py-2 font-medium">New revision</th>
              <th scope="col" className="px-3 py-2 font-medium">What happens</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {preview.points.map((point, index) => (
              <tr key={index}>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatDuration(point.atSeconds * 1000)}</td>
                <td className="px-3 py-2 tabular-nums">{point.weight} %</td>
                <td className="px-3 py-2">{point.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="list-disc space-y-1 pl-5 text-xs text-ink-muted">
        {preview.assumptions.map((assumption) => (
          <li key={assumption}>{assumption}</li>
        ))}
      </ul>
    </div>
  );
}
