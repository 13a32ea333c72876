"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatElapsed, formatPercent } from "@/lib/rollout/format";
import { formatTimestamp } from "@/lib/timestamp";

/**
 * A percent over time, one line per series: x is seconds since the first point (`t`), y 0–100 %.
 * Plain series in, no data shaping here. Loaded on demand (next/dynamic) so Recharts stays out
 * of a page's first load.
 */

export interface TimePoint {
  /** Seconds since the first point. */
  t: number;
  /** ISO time of the point, for the tooltip. */
  at: string;
  [key: string]: number | string | null;
}

export interface PercentLine {
  key: string;
  label: string;
  /** A CSS colour; semantic variables (var(--info)) follow dark mode. */
  color: string;
  dashed?: boolean;
  /** Holds its value until the next point, as a weight set in steps does. */
  step?: boolean;
  /** A short name written at the line's last point, so a line is read without the legend. */
  endLabel?: string;
}

export interface TimePercentChartProps {
  points: readonly TimePoint[];
  lines: readonly PercentLine[];
  height: number;
}

const AXIS_TICK = { fontSize: 12, fill: "var(--ink-muted)" };
const TOOLTIP_STYLE = { background: "var(--surface)", border: "1px solid var(--line)", borderRadius: 6, color: "var(--ink)", fontSize: 12 };

function tooltipLabel(payload: readonly { payload?: unknown }[], span: number): string {
  const point = payload[0]?.payload as TimePoint | undefined;
  if (!point) return "";
  return `${formatElapsed(point.t, span)} since start · ${formatTimestamp(point.at)}`;
}

/** The index of the series' last point with a value: where its name is written. */
function lastIndexOf(points: readonly TimePoint[], key: string): number {
  for (let index = points.length - 1; index >= 0; index--) if (typeof points[index]![key] === "number") return index;
  return -1;
}

/** Room on the right for the names at the lines' ends. */
const END_LABEL_ROOM = 84;

export default function TimePercentChart({ points, lines, height }: TimePercentChartProps) {
  const span = points.at(-1)?.t ?? 0;
  const labelled = lines.some((line) => line.endLabel);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={points as TimePoint[]} margin={{ top: 8, right: labelled ? END_LABEL_ROOM : 12, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--line)" strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="t"
          type="number"
          domain={["dataMin", "dataMax"]}
          tickFormatter={(t: number) => formatElapsed(t, span)}
          tick={AXIS_TICK}
          stroke="var(--line)"
          minTickGap={24}
        />
        <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(value: number) => `${value} %`} tick={AXIS_TICK} stroke="var(--line)" width={56} />
        <Tooltip
          contentStyle={TOOLTIP_STYLE}
          labelStyle={{ color: "var(--ink-muted)" }}
          labelFormatter={(_, payload) => tooltipLabel(payload, span)}
          formatter={(value) => formatPercent(typeof value === "number" ? value : null)}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {lines.map((line) => (
          <Line
            key={line.key}
            dataKey={line.key}
            name={line.label}
            type={line.step ? "stepAfter" : "linear"}
            stroke={line.color}
            strokeWidth={2}
            strokeDasharray={line.dashed ? "6 4" : undefined}
            dot={false}
            // Live data: animating every new point makes the lines swim.
            isAnimationActive={false}
            label={line.endLabel ? endLabel(line, lastIndexOf(points, line.key)) : undefined}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

/** Writes the line's name beside its last point only. */
function endLabel(line: PercentLine, lastIndex: number) {
  function EndLabel({ x, y, index }: { x?: number | string; y?: number | string; index?: number }) {
    if (index !== lastIndex || typeof x !== "number" || typeof y !== "number") return null;
    return (
      <text x={x + 6} y={y} dy={4} fill={line.color} fontSize={11} fontWeight={600}>
        {line.endLabel}
      </text>
    );
  }
  return EndLabel;
}
