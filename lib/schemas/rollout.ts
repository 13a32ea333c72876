import { z } from "zod";

/**
 * The inputs of the decisions on a running deployment: continue or roll back one paused at a
 * PAUSE hook (ContinueServiceDeployment), or stop one in progress (StopServiceDeployment).
 * Checked by the panel before it calls and again by the server action, so a malformed call
 * never reaches AWS. The controls send these values; nobody types them.
 */

/** arn:aws:ecs:<region>:<account>:service-deployment/<cluster>/<service>/<id>. */
const SERVICE_DEPLOYMENT_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:service-deployment\/[A-Za-z0-9_-]{1,255}\/[A-Za-z0-9_-]{1,255}\/[A-Za-z0-9_-]{1,255}$/;

const serviceDeploymentArn = z
  .string({ error: "Give the service deployment's ARN." })
  .trim()
  .regex(SERVICE_DEPLOYMENT_ARN, "That is not a service deployment's ARN.");

/** ECS names pause hooks "ecs-pause-<opaque>"; other hooks could be continued too, so any id-shaped value is let through. */
const hookId = z
  .string({ error: "Give the lifecycle hook's id." })
  .trim()
  .regex(/^[A-Za-z0-9_.:-]{1,255}$/, "That is not a lifecycle hook's id.");

export const DECISIONS = ["CONTINUE", "ROLLBACK"] as const;
export type Decision = (typeof DECISIONS)[number];

export const continueServiceDeploymentInput = z.object({
  serviceDeploymentArn,
  hookId,
  action: z.enum(DECISIONS, { error: "The decision is CONTINUE or ROLLBACK." }),
});
export type ContinueServiceDeploymentInput = z.input<typeof continueServiceDeploymentInput>;

export const STOP_TYPES = ["ABORT", "ROLLBACK"] as const;
export type StopType = (typeof STOP_TYPES)[number];

export const stopServiceDeploymentInput = z.object({
  serviceDeploymentArn,
  stopType: z.enum(STOP_TYPES, { error: "A stop is ABORT or ROLLBACK." }),
});
export type StopServiceDeploymentInput = z.input<typeof stopServiceDeploymentInput>;
