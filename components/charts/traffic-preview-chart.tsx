"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** One planned moment: from `atMinutes` on, `weight` percent of production traffic goes to the new revision. */
export interface TrafficPreviewPoint {
  atMinutes: number;
  weight: number;
  label: string;
}

/**
 * The planned production traffic on the new revision over time, as a step line: the weight
 * holds until the next point. A thin wrapper over Recharts taking a plain series; the page
 * gives the same points as a table, so the chart itself is decoration for screen readers.
 */
export default function TrafficPreviewChart({ points }: { points: TrafficPreviewPoint[] }) {
  return (
    <div aria-hidden="true" className="h-56 w-full min-w-0">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 12, bottom: 4, left: -12 }}>
          <CartesianGrid stroke="var(--line)" strokeDasharray="3 3" />
          <XAxis
            dataKey="atMinutes"
            type="number"
            domain={[0, "dataMax"]}
            tickFormatter={(minutes: number) => `${Math.round(minutes * 10) / 10} min`}
            stroke="var(--ink-muted)"
            fontSize={12}
          />
          <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(weight: number) => `${weight} %`} stroke="var(--ink-muted)" fontSize={12} />
          <Tooltip
            formatter={(weight) => [`${String(weight)} %`, "New revision"]}
            labelFormatter={(_, payload) => String(payload?.[0]?.payload?.label ?? "")}
            contentStyle={{ background: "var(--surface)", borderColor: "var(--line)", color: "var(--ink)", fontSize: 12 }}
          />
          <Line type="stepAfter" dataKey="weight" stroke="var(--link)" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
