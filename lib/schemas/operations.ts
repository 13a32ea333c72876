import { z } from "zod";
import { CAPACITY_PROVIDERS, MAX_DESIRED_COUNT, MAX_RUN_TASK_COUNT, TASK_DEFINITION } from "./limits";

/**
 * The inputs of the browse pages' operations, checked in the form and again by the server
 * action, with ECS's own limits (spec §8, the API reference) so a mistake is named at its
 * field before any AWS call. Forms load this module when first submitted (it brings zod), so
 * what they need to render comes from ./limits.
 */

/** Cluster and service names: 1–255 letters, digits, hyphens and underscores. An ARN is accepted where ECS accepts one. */
const RESOURCE_NAME = /^[A-Za-z0-9_-]{1,255}$/;
const ECS_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:[a-z-]+\/.+$/;

function nameOrArn(what: string) {
  return z
    .string({ error: `Give the ${what}.` })
    .trim()
    .min(1, `Give the ${what}.`)
    .refine((value) => RESOURCE_NAME.test(value) || ECS_ARN.test(value), `A ${what} is 1–255 letters, digits, hyphens or underscores.`);
}

export const clusterRef = nameOrArn("cluster name");
export const serviceRef = nameOrArn("service name");

/** A form field's text as a number; an empty field stays empty rather than becoming 0. Anything else is left for z.number to refuse. */
export function fieldNumber(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim();
  return text === "" ? undefined : Number(text);
}

/** A whole number from a form field ("4") or a number. Not coerced: an empty field, null or true must not read as 0 or 1. */
export function wholeNumber(what: string, min: number, max: number) {
  return z.preprocess(
    fieldNumber,
    z
      .number({ error: `${what} must be a number.` })
      .int(`${what} must be a whole number.`)
      .min(min, `${what} must be at least ${min.toLocaleString("en-US")}.`)
      .max(max, `${what} must be at most ${max.toLocaleString("en-US")}.`),
  );
}


export const scaleServiceInput = z.object({
  cluster: clusterRef,
  service: serviceRef,
  desiredCount: wholeNumber("Desired tasks", 0, MAX_DESIRED_COUNT),
});

export const forceNewDeploymentInput = z.object({ cluster: clusterRef, service: serviceRef });

export const deleteServiceInput = z.object({ cluster: clusterRef, service: serviceRef });

export const deleteClusterInput = z.object({ cluster: clusterRef });

const TASK_ID = /^[a-f0-9]{32}$/;
/** With the cluster in it, or without (ARNs from before ECS's long ARN format). */
const TASK_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task\/([A-Za-z0-9_-]+\/)?[a-f0-9]{32}$/;

export const stopTaskInput = z.object({
  cluster: clusterRef,
  task: z
    .string({ error: "Give a task id (32 hex digits) or a task ARN." })
    .trim()
    .refine((value) => TASK_ID.test(value) || TASK_ARN.test(value), "Give a task id (32 hex digits) or a task ARN."),
  reason: z.string().trim().max(255, "ECS keeps at most 255 characters of a stop reason.").optional(),
});

/** "family:revision", "family" (the latest ACTIVE revision) or a task definition ARN. */
export const taskDefinitionRef = z
  .string({ error: "Pick a task definition." })
  .trim()
  .min(1, "Pick a task definition.")
  .regex(TASK_DEFINITION, "A task definition is family:revision (web:7), a family, or an ARN.");


const strategyItem = z.object({
  capacityProvider: z.string().trim().min(1, "Pick a capacity provider.").max(255),
  weight: wholeNumber("Weight", 0, 1000),
  base: wholeNumber("Base", 0, 100_000),
});

/** ECS's rules for a capacity provider strategy, each reported at the item it concerns. */
export const capacityProviderStrategy = z
  .array(strategyItem)
  .max(20, "A strategy has at most 20 capacity providers.")
  .superRefine((items, context) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.capacityProvider)) context.addIssue({ code: "custom", path: [index, "capacityProvider"], message: `${item.capacityProvider} is in the strategy twice.` });
      seen.add(item.capacityProvider);
    });
    const withBase = items.map((item, index) => ({ item, index })).filter(({ item }) => item.base > 0);
    for (const { index } of withBase.slice(1)) context.addIssue({ code: "custom", path: [index, "base"], message: "Only one capacity provider in a strategy can have a base." });
    if (items.length > 0 && items.every((item) => item.weight === 0)) {
      context.addIssue({ code: "custom", path: [0, "weight"], message: "At least one capacity provider needs a weight above 0." });
    }
  });

const SUBNET = /^subnet-[0-9a-f]{8,17}$/;
const SECURITY_GROUP = /^sg-[0-9a-f]{8,17}$/;

/** For tasks whose task definition uses awsvpc; the form takes lists separated by commas or spaces. */
export const awsvpcNetwork = z.object({
  subnets: z
    .array(z.string().regex(SUBNET, "Subnet ids look like subnet-0a1b2c3d."))
    .min(1, "Tasks in awsvpc mode need at least one subnet.")
    .max(16, "At most 16 subnets."),
  securityGroups: z.array(z.string().regex(SECURITY_GROUP, "Security group ids look like sg-0a1b2c3d.")).max(5, "At most 5 security groups."),
  assignPublicIp: z.enum(["ENABLED", "DISABLED"]),
});


export const runTaskInput = z.object({
  cluster: clusterRef,
  taskDefinition: taskDefinitionRef,
  count: wholeNumber("Count", 1, MAX_RUN_TASK_COUNT),
  /** Empty: the cluster's default strategy. */
  capacityProviderStrategy: capacityProviderStrategy,
  network: awsvpcNetwork.optional(),
  group: z
    .string()
    .trim()
    .max(255, "A group is at most 255 characters.")
    .regex(/^[A-Za-z0-9_:-]*$/, "A group is letters, digits, hyphens, underscores and colons.")
    .optional(),
});

export const createClusterInput = z
  .object({
    clusterName: z.string().trim().regex(RESOURCE_NAME, "A cluster name is 1–255 letters, digits, hyphens or underscores."),
    capacityProviders: z
      .array(z.enum(CAPACITY_PROVIDERS, { error: `A capacity provider is ${CAPACITY_PROVIDERS.join(" or ")}.` }))
      .refine((providers) => new Set(providers).size === providers.length, "Each capacity provider can be listed once."),
    defaultCapacityProviderStrategy: capacityProviderStrategy,
    containerInsights: z.boolean(),
  })
  .superRefine((input, context) => {
    input.defaultCapacityProviderStrategy.forEach((item, index) => {
      if (!input.capacityProviders.includes(item.capacityProvider as (typeof CAPACITY_PROVIDERS)[number])) {
        context.addIssue({
          code: "custom",
          path: ["defaultCapacityProviderStrategy", index, "capacityProvider"],
          message: `${item.capacityProvider} is not one of the cluster's capacity providers.`,
        });
      }
    });
  });

export type ScaleServiceInput = z.input<typeof scaleServiceInput>;
export type ForceNewDeploymentInput = z.input<typeof forceNewDeploymentInput>;
export type StopTaskInput = z.input<typeof stopTaskInput>;
export type RunTaskInput = z.input<typeof runTaskInput>;
export type CreateClusterInput = z.input<typeof createClusterInput>;
