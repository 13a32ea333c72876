import Link from "next/link";
import type { AwsFailure } from "@/lib/aws-errors";
import { pagePaths } from "@/lib/query-keys";
import { RolloutBreadcrumb } from "./rollout-header";

/** A deployment ECS does not know (a mistyped id, older than its 90 days of history, or a deleted service): the way back. */
export function RolloutNotFound({ cluster, service, deploymentId, failure }: { cluster: string; service: string; deploymentId: string; failure: AwsFailure }) {
  return (
    <div className="space-y-6">
      <RolloutBreadcrumb cluster={cluster} service={service} deploymentId={deploymentId} />
      <div className="rounded-lg border border-line bg-surface px-5 py-8 text-center shadow-sm">
        <h1 className="text-2xl font-semibold tracking-tight">Deployment not found</h1>
        <p className="mx-auto mt-2 max-w-prose text-ink-muted [overflow-wrap:anywhere]">
          Service <strong className="font-semibold text-ink">{service}</strong> in cluster <strong className="font-semibold text-ink">{cluster}</strong> has no
          deployment <strong className="font-semibold text-ink">{deploymentId}</strong>. ECS keeps a service&apos;s deployments for 90 days.
        </p>
        {failure.detail && <p className="mt-2 text-xs text-ink-muted">AWS said: {failure.detail}</p>}
        <p className="mt-6">
          <Link href={pagePaths.service(cluster, service)} className="font-medium text-link underline underline-offset-2 hover:no-underline">
            Back to service {service}
          </Link>
        </p>
      </div>
    </div>
  );
}
