import type { HealthBasis, RevisionSample, RolloutSample } from "./sample";

/**
 * Samples → the plain series the rollout charts draw. Each revision becomes one line, keyed
 * `r0`, `r1`… in the order it first appears (Recharts wants safe data keys); `t` is seconds
 * since the first sample, so every chart of one deployment shares its x axis.
 */

export interface RevisionSeries {
  key: string;
  arn: string;
  /** "web:5 (new)" */
  label: string;
  role: RevisionSample["role"];
}

export type ChartPoint = { t: number; at: string } & Record<string, number | string | null>;

export interface HealthyPercentChart {
  basis: HealthBasis;
  series: RevisionSeries[];
  points: ChartPoint[];
}

export interface TrafficWeightChart {
  /** requested and actual production weight of the target revision, 0–100 */
  points: ChartPoint[];
  /** Whether the listener rule ever disagreed with what ECS asked for: then both lines are drawn. */
  differs: boolean;
}

export interface RequestSplitChart {
  series: RevisionSeries[];
  /** Each revision's share of the production requests served in the interval before each sample, percent. */
  share: ChartPoint[];
  /** Each revision's 5xx answers as a percent of its requests in that interval. */
  errorRate: ChartPoint[];
  /**
   * Revisions whose counts took in test traffic too, at some sample: CloudWatch counts a target
   * group's requests from every listener, so while the test listener sends a revision's group
   * traffic, the production split cannot be told apart and those samples are left out of it.
   */
  withTestTraffic: string[];
}

/** Enough points for a chart as wide as a screen; a day-long deployment sampled each second has 86,400. */
export const MAX_CHART_POINTS = 600;

/** Weights that differ by less than this are the same weight read through ELB's integer weights. */
const WEIGHT_TOLERANCE = 0.5;

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function revisionLabel(revision: RevisionSample): string {
  const name = revision.taskDefinition ?? revision.arn.slice(revision.arn.lastIndexOf("/") + 1);
  return `${name} (${revision.role === "target" ? "new" : "current"})`;
}

/** Every revision the samples mention, in order of first appearance; a revision's last role wins. */
export function revisionSeries(samples: readonly RolloutSample[]): RevisionSeries[] {
  const byArn = new Map<string, RevisionSeries>();
  for (const sample of samples) {
    for (const revision of sample.revisions) {
      const known = byArn.get(revision.arn);
      const key = known?.key ?? `r${byArn.size}`;
      byArn.set(revision.arn, { key, arn: revision.arn, label: revisionLabel(revision), role: revision.role });
    }
  }
  return [...byArn.values()];
}

/**
 * At most `maxPoints` samples, evenly spread, always keeping the first and the last: the
 * chart of a long deployment keeps its shape and its current value.
 */
export function thinSamples<T>(samples: readonly T[], maxPoints = MAX_CHART_POINTS): T[] {
  if (samples.length <= maxPoints) return [...samples];
  if (maxPoints < 2) return samples.slice(-1);
  const step = (samples.length - 1) / (maxPoints - 1);
  return Array.from({ length: maxPoints }, (_, index) => samples[Math.round(index * step)]!);
}

/** The deployment's first sample's time: t = 0 on every chart of it. */
function startOf(samples: readonly RolloutSample[]): number {
  return samples.length > 0 ? Date.parse(samples[0]!.at) : 0;
}

function secondsSince(start: number, sample: RolloutSample): number {
  return Math.round((Date.parse(sample.at) - start) / 1000);
}

function pointsOf(
  samples: readonly RolloutSample[],
  start: number,
  series: readonly RevisionSeries[],
  valueOf: (revision: RevisionSample, sample: RolloutSample) => number | null,
): ChartPoint[] {
  return samples.map((sample) => {
    const point: ChartPoint = { t: secondsSince(start, sample), at: sample.at };
    for (const { key, arn } of series) {
      const revision = sample.revisions.find((candidate) => candidate.arn === arn);
      point[key] = revision ? valueOf(revision, sample) : null;
    }
    return point;
  });
}

/** Healthy tasks of each revision as a percent of the service's desired count. */
export function healthyPercentChart(samples: readonly RolloutSample[], maxPoints = MAX_CHART_POINTS): HealthyPercentChart {
  const series = revisionSeries(samples);
  const shown = thinSamples(samples, maxPoints);
  const basis = samples.at(-1)?.healthBasis ?? "targets";
  const points = pointsOf(shown, startOf(samples), series, (revision, sample) =>
    revision.healthy === undefined || sample.desiredCount <= 0 ? null : round1((revision.healthy / sample.desiredCount) * 100),
  );
  return { basis, series, points };
}

/** The target revision's production weight, as requested by ECS and as the listener rule has it. */
export function trafficWeightChart(samples: readonly RolloutSample[], maxPoints = MAX_CHART_POINTS): TrafficWeightChart {
  const start = startOf(samples);
  let differs = false;
  const points = samples.map((sample): ChartPoint => {
    const target = sample.revisions.find((revision) => revision.role === "target");
    const requested = target?.requestedWeight ?? null;
    const actual = target?.actualWeight ?? null;
    if (requested !== null && actual !== null && Math.abs(requested - actual) >= WEIGHT_TOLERANCE) differs = true;
    return { t: secondsSince(start, sample), at: sample.at, requested, actual };
  });
  // Thinned after: a brief disagreement between two kept points still shows as "differs".
  return { points: thinSamples(points, maxPoints), differs };
}

/** Where the platform counts requests (local ECS, CloudWatch): the split between revisions and their 5xx rates; undefined when none were counted. */
export function requestSplitChart(samples: readonly RolloutSample[], maxPoints = MAX_CHART_POINTS): RequestSplitChart | undefined {
  const counted = samples.filter((sample) => sample.revisions.some((revision) => revision.requests !== undefined));
  if (counted.length === 0) return undefined;
  const series = revisionSeries(samples);
  const shown = thinSamples(counted, maxPoints);
  const start = startOf(samples);
  const takesTestTraffic = (revision: RevisionSample) => (revision.testWeight ?? 0) > 0;
  const share = pointsOf(shown, start, series, (revision, sample) => {
    if (sample.revisions.some(takesTestTraffic)) return null;
    const total = sample.revisions.reduce((sum, each) => sum + (each.requests ?? 0), 0);
    return revision.requests === undefined || total === 0 ? null : round1((revision.requests / total) * 100);
  });
  const errorRate = pointsOf(shown, start, series, (revision) =>
    revision.requests === undefined || revision.requests === 0 ? null : round1(((revision.errors5xx ?? 0) / revision.requests) * 100),
  );
  const mixed = new Set(counted.flatMap((sample) => sample.revisions.filter((revision) => takesTestTraffic(revision) && revision.requests !== undefined).map((revision) => revision.arn)));
  const withTestTraffic = series.filter((each) => mixed.has(each.arn)).map((each) => each.label);
  return { series, share, errorRate, withTestTraffic };
}

/**
 * The samples with the last one carried to `lookedAt`: the store skips samples that repeat
 * the one before (until a heartbeat), so a deployment waiting for approval would otherwise
 * end its lines where it stopped changing rather than at the present.
 */
export function extendToPresent(samples: readonly RolloutSample[], lookedAt: string): RolloutSample[] {
  const last = samples.at(-1);
  if (!last || Date.parse(lookedAt) <= Date.parse(last.at)) return [...samples];
  return [...samples, { ...last, at: lookedAt }];
}
