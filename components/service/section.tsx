import { useId, type ReactNode } from "react";

/** One part of the service page: a titled card whose h2 lets a screen reader jump to it. */
export function Section({ title, aside, className = "", children }: { title: string; aside?: ReactNode; className?: string; children: ReactNode }) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className={`min-w-0 space-y-4 rounded-lg border border-line bg-surface p-4 shadow-sm sm:p-5 ${className}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        {aside && <div className="text-sm text-ink-muted">{aside}</div>}
      </div>
      {children}
    </section>
  );
}
