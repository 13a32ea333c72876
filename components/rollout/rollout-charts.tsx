"use client";

import dynamic from "next/dynamic";
import { useId, useMemo, type ReactNode } from "react";
import type { PercentLine, TimePoint } from "@/components/charts/time-percent-chart";
import { healthyPercentChart, requestSplitChart, trafficWeightChart, type RevisionSeries } from "@/lib/rollout/chart-series";
import { healthBasisText, latestValuesText } from "@/lib/rollout/format";
import type { RolloutSample } from "@/lib/rollout/sample";

/**
 * The deployment's charts over its whole life: healthy percent per revision, the new
 * revision's production traffic weight (requested, and actual when the listener rule
 * disagrees), and the observed request split and 5xx rate where the platform counts requests.
 */

const CHART_HEIGHT = 240;

function ChartPlaceholder() {
  return <div className="animate-pulse rounded-md bg-surface-sunken" style={{ height: CHART_HEIGHT }} />;
}

// Recharts loads after the page, in its own chunk; the placeholder keeps the page from jumping.
const TimePercentChart = dynamic(() => import("@/components/charts/time-percent-chart"), { ssr: false, loading: ChartPlaceholder });

/**
 * The new revision in blue, the one it replaces in vermilion (dashed, so shape tells them apart
 * too), any others after: hues that stay distinct with any colour vision, and each line named at
 * its end.
 */
const TARGET_COLOR = "var(--chart-new)";
const SOURCE_COLORS = ["var(--chart-old)", "var(--chart-third)", "var(--chart-fourth)"];

function revisionLines(series: readonly RevisionSeries[]): PercentLine[] {
  let sources = 0;
  return series.map(({ key, label, role }) => ({
    key,
    label,
    color: role === "target" ? TARGET_COLOR : SOURCE_COLORS[sources++ % SOURCE_COLORS.length]!,
    dashed: role !== "target",
    endLabel: label.replace(/ \((new|current)\)$/, ""),
  }));
}

function ChartFigure({ title, description, summary, note, children }: { title: string; description: string; summary: string; note?: ReactNode; children: ReactNode }) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="min-w-0 space-y-2">
      <div>
        <h3 id={titleId} className="font-semibold">
          {title}
        </h3>
        <p className="text-xs text-ink-muted">{description}</p>
      </div>
      <div role="img" aria-label={`${title}. ${summary}`} style={{ minHeight: CHART_HEIGHT }}>
        {/* The summary above says what the drawing shows; its legend and axes would only repeat it. */}
        <div aria-hidden="true">{children}</div>
      </div>
      {note && <p className="text-xs text-ink-muted">{note}</p>}
    </section>
  );
}

function PercentChart({ points, lines }: { points: readonly TimePoint[]; lines: readonly PercentLine[] }) {
  return <TimePercentChart points={points} lines={lines} height={CHART_HEIGHT} />;
}

function RequestCharts({ samples }: { samples: readonly RolloutSample[] }) {
  const chart = useMemo(() => requestSplitChart(samples), [samples]);
  if (!chart) {
    return (
      <p className="text-sm text-ink-muted lg:col-span-2">
        Request split and 5xx rate: the platform does not count requests per revision for this service, so they are not charted.
      </p>
    );
  }
  const lines = revisionLines(chart.series);
  const mixed = chart.withTestTraffic.join(" and ");
  return (
    <>
      <ChartFigure
        title="Request split"
        description="Share of the production requests each revision served between two looks"
        summary={latestValuesText(chart.share, lines)}
        note={
          mixed &&
          `Left out while the test listener also sends ${mixed} requests: CloudWatch counts a target group's requests from every listener, so the production share cannot be told apart then. The traffic weight chart shows what the production rule sends.`
        }
      >
        <PercentChart points={chart.share} lines={lines} />
      </ChartFigure>
      <ChartFigure
        title="5xx error rate"
        description={`5xx answers as a percent of each revision's requests${mixed ? ` (test requests included for ${mixed})` : ""}`}
        summary={latestValuesText(chart.errorRate, lines)}
      >
        <PercentChart points={chart.errorRate} lines={lines} />
      </ChartFigure>
    </>
  );
}

/** `samples` are the deployment's samples so far, oldest first. */
export function RolloutCharts({ samples }: { samples: readonly RolloutSample[] }) {
  const healthy = useMemo(() => healthyPercentChart(samples), [samples]);
  const traffic = useMemo(() => trafficWeightChart(samples), [samples]);
  if (samples.length === 0) {
    return <p className="text-sm text-ink-muted">The charts start with the first look at the deployment, within a second or two.</p>;
  }
  const healthyLines = revisionLines(healthy.series);
  const trafficLines: PercentLine[] = [
    { key: "requested", label: "Requested (ECS)", color: TARGET_COLOR, step: true, endLabel: "Requested" },
    ...(traffic.differs ? [{ key: "actual", label: "Actual (listener rule)", color: "var(--chart-old)", step: true, dashed: true, endLabel: "Actual" }] : []),
  ];
  const weighted = traffic.points.some((point) => point.requested !== null || point.actual !== null);
  const trafficNote = traffic.differs
    ? "The listener rule's actual weight differs from what ECS requested: both are drawn."
    : "The listener rule's actual weight agrees with what ECS requested.";
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ChartFigure title="Healthy tasks" description={`Percent of desired tasks healthy, per revision: ${healthBasisText(healthy.basis)}`} summary={latestValuesText(healthy.points, healthyLines)}>
        <PercentChart points={healthy.points} lines={healthyLines} />
      </ChartFigure>
      {weighted ? (
        <ChartFigure title="Production traffic on the new revision" description={trafficNote} summary={latestValuesText(traffic.points, trafficLines)}>
          <PercentChart points={traffic.points} lines={trafficLines} />
        </ChartFigure>
      ) : (
        <p className="text-sm text-ink-muted">
          Production traffic: this deployment sets no traffic weights. Traffic reaches the new revision as its tasks replace the old ones.
        </p>
      )}
      <RequestCharts samples={samples} />
    </div>
  );
}
