import "server-only";
import type { Service, ServiceDeployment } from "@aws-sdk/client-ecs";
import { describeServiceDeployments } from "@/server/aws/batching";
import type { Connection } from "@/server/aws/connection";
import { isUnsupportedOperation, settle } from "@/server/aws/errors";
import type { Part } from "@/lib/view-models/common";
import { currentDeploymentInProgress } from "@/lib/view-models/clusters";

/**
 * The current service deployment of each service whose rollout is in progress, by ARN: what
 * tells a deployment waiting for approval. Services not deploying cost nothing; the rest cost
 * one DescribeServiceDeployments per 20, whatever their clusters.
 */
export async function describeCurrentDeployments(
  connection: Connection,
  services: readonly Service[],
): Promise<Part<ReadonlyMap<string, ServiceDeployment>>> {
  const arns = services.flatMap((service) => currentDeploymentInProgress(service) ?? []);
  // An endpoint without service deployments has no pauses either: nothing waits.
  const [described] = await settle([
    describeServiceDeployments(connection, arns).catch((error: unknown) => {
      if (isUnsupportedOperation(error)) return { serviceDeployments: [] };
      throw error;
    }),
  ]);
  if (!described.ok) return described;
  return { ok: true, value: new Map(described.value.serviceDeployments.map((deployment) => [deployment.serviceDeploymentArn!, deployment])) };
}
