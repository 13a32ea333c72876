import type { DeploymentLifecycleHookAction, ServiceDeploymentLifecycleStage } from "@aws-sdk/client-ecs";
import type { AwsFailure } from "@/lib/aws-errors";

/** The approvals inbox: every deployment waiting for a person, across clusters. Plain JSON. */
export interface AwaitingApproval {
  cluster: string;
  service: string;
  /** The deployment's own strategy: "Canary 10 % with approval". */
  strategy: string;
  serviceDeploymentArn: string;
  /** The last part of its ARN, for its rollout page. */
  deploymentId: string;
  hookId: string;
  lifecycleStage?: ServiceDeploymentLifecycleStage;
  /** What Approve says yes to: "Promote the canary to 100 %?" */
  question: string;
  /** "web:6", when known. */
  targetLabel?: string;
  /** "web:5", the revision serving production that the deployment moves from, when known. */
  sourceLabel?: string;
  /** The containers whose images the deployment changes: what an approver says yes to. */
  imageChanges: ImageChange[];
  /** Who started it through Slipway, from the audit log; absent when it was started elsewhere (the CLI, the console, CI). */
  startedBy?: { name: string; at: string };
  /** When it began to wait (ISO), when that can be told. */
  pausedSince?: string;
  /** When the timeout action is taken if nobody decides (ISO). */
  expiresAt?: string;
  timeoutAction?: DeploymentLifecycleHookAction;
}

export interface ApprovalsInbox {
  /** The soonest to time out first. */
  waiting: AwaitingApproval[];
  /** Clusters (or deployments, with no cluster) that could not be read: what is listed may be incomplete. */
  gaps: { cluster?: string; error: AwsFailure }[];
  /** When it was read (ISO): the server keeps one read for a few seconds, so this, not the poll's time, says how fresh it is. */
  readAt: string;
  /** Why nothing could be read; `waiting` is then empty. */
  error?: AwsFailure;
}

/** One container's image before and after: `from` is absent for a container the source did not have. */
export interface ImageChange {
  container: string;
  from?: string;
  to: string;
}

/** The images that differ between two revisions' containers. */
export function imageChanges(from: readonly { containerName?: string; image?: string }[], to: readonly { containerName?: string; image?: string }[]): ImageChange[] {
  const before = new Map(from.map((image) => [image.containerName ?? "", image.image]));
  return to.flatMap(({ containerName = "", image = "" }) => (before.get(containerName) === image ? [] : [{ container: containerName, from: before.get(containerName), to: image }]));
}
