import "server-only";
import type { AwsFailure } from "@/lib/aws-errors";
import { awsFailure } from "@/lib/aws-errors";
import { parseArn } from "@/lib/arn";
import { toRolloutView, type RolloutRead } from "@/lib/view-models/rollout";
import { describeServices } from "@/server/aws/batching";
import { connectionKey, type Connection } from "@/server/aws/connection";
import { toAwsFailure } from "@/server/aws/errors";
import { rolloutDecisions } from "./rollout-decisions";
import { sharedRolloutStore } from "./sample-store";
import { sharedRolloutSampler } from "./sampler";

/**
 * A rollout's live view for one viewer. The viewer never costs an AWS call of their own: the
 * sampler looks at the deployment once a second whoever watches, and the view is its latest
 * look plus the samples stored since the viewer's last poll. Only the first viewer of a
 * service in this process costs one DescribeServices, to learn the service's ARN (its
 * account and region name the deployment's ARN).
 */

const serviceArns = new Map<string, string>();

async function serviceArnOf(connection: Connection, cluster: string, service: string): Promise<string | AwsFailure> {
  const key = `${connectionKey(connection)} ${cluster}/${service}`;
  const known = serviceArns.get(key);
  if (known) return known;
  const { services } = await describeServices(connection, cluster, [service]);
  const arn = services.find((candidate) => candidate.status !== "INACTIVE")?.serviceArn;
  if (!arn) return awsFailure("not-found", { detail: `ECS has no service ${service} in cluster ${cluster}.` });
  serviceArns.set(key, arn);
  return arn;
}

/** arn:aws:ecs:<region>:<account>:service-deployment/<cluster>/<service>/<id>, from the service's ARN. */
export function serviceDeploymentArn(serviceArn: string, cluster: string, service: string, deploymentId: string): string | undefined {
  const arn = parseArn(serviceArn);
  if (!arn) return undefined;
  return `arn:${arn.partition}:ecs:${arn.region}:${arn.accountId}:service-deployment/${cluster}/${service}/${deploymentId}`;
}

const DEPLOYMENT_ID = /^[A-Za-z0-9_-]{1,255}$/;

export async function readRolloutView(connection: Connection, cluster: string, service: string, deploymentId: string, since?: string): Promise<RolloutRead> {
  if (!DEPLOYMENT_ID.test(deploymentId)) return { error: awsFailure("not-found", { detail: `${deploymentId} is not a service deployment's id.` }) };
  try {
    const serviceArn = await serviceArnOf(connection, cluster, service);
    if (typeof serviceArn !== "string") return { error: serviceArn };
    const arn = serviceDeploymentArn(serviceArn, cluster, service, deploymentId);
    if (!arn) return { error: awsFailure("unknown", { detail: `ECS named the service ${serviceArn}, which is not an ARN.` }) };
    const sampler = sharedRolloutSampler();
    sampler.watch(connection, arn);
    const look = await sampler.latest(arn);
    if (!look) return { error: awsFailure("unknown", { detail: "The deployment is not being sampled." }) };
    if (!look.ok) return { error: look.error };
    const { deployment, service: described, revisions, sample } = look.value;
    const samples = sharedRolloutStore().samples(arn, since);
    return toRolloutView({ deployment, service: described, revisions, lookedAt: sample.at }, samples, rolloutDecisions(arn), sampler.failure(arn));
  } catch (error) {
    return { error: toAwsFailure(error) };
  }
}
