import Link from "next/link";
import { pagePaths } from "@/lib/query-keys";

/** An empty log, or a filter that leaves nothing, said in words with the way out. */
export function NoEntries({ filtered }: { filtered: boolean }) {
  return (
    <section aria-labelledby="no-entries-title" className="rounded-lg border border-dashed border-line bg-surface px-4 py-8 text-center sm:px-8">
      <h2 id="no-entries-title" className="text-lg font-semibold">
        {filtered ? "No entries match these filters" : "Nothing recorded yet"}
      </h2>
      <p className="mx-auto mt-2 max-w-prose text-sm text-ink-muted">
        {filtered ? (
          <>
            Try a wider time range or another action, or{" "}
            <Link href={pagePaths.audit()} className="text-link underline underline-offset-2">
              clear the filters
            </Link>
            .
          </>
        ) : (
          "Every operation in Slipway (scaling a service, forcing a deployment, running or stopping tasks, creating a cluster) is written here with who did it, to what, and how it ended."
        )}
      </p>
    </section>
  );
}
