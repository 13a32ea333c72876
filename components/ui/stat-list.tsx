export interface Stat {
  label: string;
  value: string;
}

/** A row of figures, as terms and their definitions, so each number is read with its label. */
export function StatList({ stats }: { stats: readonly Stat[] }) {
  return (
    <dl className="grid grid-cols-3 divide-x divide-line rounded-md border border-line bg-surface-sunken">
      {stats.map((stat) => (
        <div key={stat.label} className="flex min-w-0 flex-col justify-between gap-1 px-3 py-2">
          <dt className="text-xs text-ink-muted">{stat.label}</dt>
          <dd className="text-xl font-semibold tabular-nums">{stat.value}</dd>
        </div>
      ))}
    </dl>
  );
}
