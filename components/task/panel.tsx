import { useId, type ReactNode } from "react";

/** A titled box of the task page; the title names the region for screen readers. */
export function Panel({ title, aside, children, className = "" }: { title: string; aside?: ReactNode; children: ReactNode; className?: string }) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className={`min-w-0 rounded-lg border border-line bg-surface p-4 shadow-sm sm:p-5 ${className}`}>
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={titleId} className="text-base font-semibold">
          {title}
        </h2>
        {aside}
      </div>
      {children}
    </section>
  );
}

export interface Detail {
  term: string;
  value: ReactNode;
}

/** Terms and their values in two columns. Unknown values read "—". */
export function DetailList({ details }: { details: readonly Detail[] }) {
  return (
    <dl className="grid grid-cols-[minmax(0,max-content)_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm sm:gap-x-6">
      {details.map((detail) => (
        <div key={detail.term} className="contents">
          <dt className="text-ink-muted">{detail.term}</dt>
          <dd className="min-w-0 [overflow-wrap:anywhere]">{detail.value ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
