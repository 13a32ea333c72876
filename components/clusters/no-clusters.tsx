import { createClusterCommand, targetLabel, type TargetSummary } from "@/lib/target-summary";

/** The empty overview says how to get a cluster, where this dashboard looks. */
export function NoClusters({ target }: { target: TargetSummary }) {
  const command = createClusterCommand(target);
  return (
    <section aria-labelledby="no-clusters-title" className="rounded-lg border border-dashed border-line bg-surface px-4 py-8 text-center sm:px-8">
      <h2 id="no-clusters-title" className="text-lg font-semibold">
        No clusters yet
      </h2>
      <p className="mx-auto mt-2 max-w-prose text-sm text-ink-muted">
        There are no active clusters in {targetLabel(target)}. Create one with the AWS CLI
        {target.name === "aws" && " or the ECS console"}, and it appears here within seconds.
      </p>
      {command && (
        <pre className="mx-auto mt-4 rounded-md bg-surface-sunken px-4 py-3 text-left text-sm whitespace-pre-wrap ring-1 ring-line [overflow-wrap:anywhere] sm:w-fit">
          <code className="font-mono">{command}</code>
        </pre>
      )}
      {target.name === "local" && (
        <p className="mx-auto mt-4 max-w-prose text-sm text-ink-muted">
          Or start over with the demo account: <code className="font-mono">npm start -- --reset</code> (it wipes local ECS&rsquo;s data).
        </p>
      )}
    </section>
  );
}
