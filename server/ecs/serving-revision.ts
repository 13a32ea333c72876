import "server-only";
import type { Service } from "@aws-sdk/client-ecs";
import { currentDeploymentInProgress } from "@/lib/view-models/clusters";
import { servingRevisionArn } from "@/lib/view-models/deployments";
import { describeServiceDeployments } from "@/server/aws/batching";
import type { Connection } from "@/server/aws/connection";
import { settle } from "@/server/aws/errors";
import { describeServiceRevisions } from "./service-revisions";

/**
 * The task definition that serves production: the service's own, unless a deployment is in
 * progress, whose source may still serve it (a canary paused before its first traffic).
 */
export async function servingTaskDefinition(connection: Connection, service: Service): Promise<string> {
  const own = service.taskDefinition ?? "";
  const arn = currentDeploymentInProgress(service);
  if (!arn) return own;
  const [described] = await settle([describeServiceDeployments(connection, [arn])]);
  const deployment = described.ok ? described.value.serviceDeployments[0] : undefined;
  const serving = deployment && servingRevisionArn(deployment);
  if (!serving || serving === deployment.targetServiceRevision?.arn) return own;
  const [revisions] = await settle([describeServiceRevisions(connection, [serving])]);
  return (revisions.ok ? revisions.value[0]?.taskDefinition : undefined) ?? own;
}
