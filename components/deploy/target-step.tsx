import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import { formatCount } from "@/lib/format";
import { pagePaths } from "@/lib/query-keys";
import { deploymentStrategyLabel } from "@/lib/view-models/strategy";
import type { DeployContext } from "@/lib/view-models/deploy-context";

/** Step 1: which service this deploys, as the URL names it, and what it runs now. */
export function TargetStep({ cluster, serviceName, context }: { cluster: string; serviceName: string; context: DeployContext }) {
  const { service, current, ongoing } = context;
  const rows: [string, string][] = [
    ["Cluster", cluster],
    ["Service", serviceName],
    ["Serves production", current.label],
    ["Tasks", `${formatCount(service.desiredCount ?? 0, "task")} desired, ${service.runningCount ?? 0} running`],
    ["Strategy now", deploymentStrategyLabel(service.deploymentConfiguration, service.deploymentController)],
  ];
  return (
    <div className="space-y-4">
      <dl className="grid gap-x-6 gap-y-3 rounded-lg border border-line bg-surface p-4 text-sm sm:grid-cols-2">
        {rows.map(([term, value]) => (
          <div key={term} className="min-w-0">
            <dt className="text-xs text-ink-muted">{term}</dt>
            <dd className="font-medium [overflow-wrap:anywhere]">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="text-sm">
        <Link href={pagePaths.service(cluster, serviceName)} className="text-link underline underline-offset-2 hover:no-underline">
          Open {serviceName}&rsquo;s page
        </Link>{" "}
        <span className="text-ink-muted">to deploy another service, start from its page.</span>
      </p>
      {ongoing.ok && ongoing.value && (
        <Notice tone="warn" title="A deployment is in progress">
          <p className="[overflow-wrap:anywhere]">
            Deployment {ongoing.value.id}.{" "}
            {ongoing.value.targetRevision ? `It deploys ${ongoing.value.targetRevision}` : "It is under way"}
            {ongoing.value.lifecycleStage ? `, now at ${ongoing.value.lifecycleStage.toLowerCase().replaceAll("_", " ")}` : ""}. A new deployment takes over from it.
          </p>
          <p>
            <Link href={pagePaths.deployment(cluster, serviceName, ongoing.value.id)} className="text-link underline underline-offset-2 hover:no-underline">
              Watch that deployment
            </Link>
          </p>
        </Notice>
      )}
      {!ongoing.ok && <Notice tone="info" title="Whether a deployment is under way could not be read">{ongoing.error.message}</Notice>}
    </div>
  );
}
