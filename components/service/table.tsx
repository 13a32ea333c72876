import Link from "next/link";
import type { ReactNode } from "react";
import { pagePaths } from "@/lib/query-keys";

/**
 * A table of the service page, captioned for screen readers, scrolling sideways inside its own
 * box on a narrow screen rather than widening the page.
 */
export function Table({ caption, head, children }: { caption: string; head: readonly string[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-md border border-line">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-surface-sunken text-xs text-ink-muted">
          <tr>
            {head.map((label) => (
              <th key={label} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">{children}</tbody>
      </table>
    </div>
  );
}

/** A body cell; `nowrap` for short values that read badly broken. */
export function Cell({ children, nowrap = false, className = "" }: { children: ReactNode; nowrap?: boolean; className?: string }) {
  return <td className={`px-3 py-2 align-top ${nowrap ? "whitespace-nowrap" : ""} ${className}`}>{children}</td>;
}

/** A task's id linking to its page; cut short on a phone (the link keeps the whole id) so the columns beside it stay in view. */
export function TaskIdLink({ cluster, taskId }: { cluster: string; taskId: string }) {
  return (
    <Link
      href={pagePaths.task(cluster, taskId)}
      title={taskId}
      className="block max-w-[11ch] truncate font-mono text-xs text-link underline-offset-2 hover:underline sm:max-w-none"
    >
      {taskId}
    </Link>
  );
}
