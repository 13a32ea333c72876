import type { NetworkMode, TaskDefinition, TaskDefinitionStatus } from "@aws-sdk/client-ecs";
import type { AwsFailure } from "@/lib/aws-errors";
import { splitList } from "@/lib/schemas/limits";
import type { RunTaskInput } from "@/lib/schemas/operations";
import type { AwsvpcNetwork, ServiceRow } from "./clusters";
import { taskDefinitionRef, type TaskDefinitionRef } from "./common";

/** What the cluster page's "Run task" form offers and needs to know. */

/** The task definition families that have an ACTIVE revision, by name. */
export interface TaskDefinitionFamilies {
  families: string[];
  /** Why they could not be listed; `families` is then empty. */
  error?: AwsFailure;
}

/** What a chosen revision asks of the tasks it starts: subnets when it uses awsvpc networking. */
export interface TaskDefinitionNeeds {
  taskDefinition: TaskDefinitionRef;
  status?: TaskDefinitionStatus;
  /** ECS's default, when a task definition names none, is bridge (host on Windows): neither needs subnets. */
  networkMode?: NetworkMode;
  needsSubnets: boolean;
}

export function toTaskDefinitionNeeds(definition: TaskDefinition): TaskDefinitionNeeds | undefined {
  const ref = taskDefinitionRef(definition.taskDefinitionArn);
  if (!ref) return undefined;
  return { taskDefinition: ref, status: definition.status, networkMode: definition.networkMode, needsSubnets: definition.networkMode === "awsvpc" };
}

/** A read of TaskDefinitionNeeds: the needs, or why they are not known. */
export type TaskDefinitionNeedsRead = (TaskDefinitionNeeds & { error?: undefined }) | { error: AwsFailure };

/** The form as typed: every field a string, as inputs hold them. */
export interface RunTaskForm {
  taskDefinition: string;
  count: string;
  /** "" for the cluster's default strategy, else one of its capacity providers. */
  capacityProvider: string;
  subnets: string;
  securityGroups: string;
  assignPublicIp: "ENABLED" | "DISABLED";
}

/** A service's network and its name, to prefill the form and say where the values came from. */
export interface NetworkDefault {
  service: string;
  network: AwsvpcNetwork;
}

/** The first service (by name) with an awsvpc network: tasks run beside it can usually reach what it reaches. */
export function networkDefault(services: readonly ServiceRow[]): NetworkDefault | undefined {
  const service = services.find((row) => row.network);
  return service?.network && { service: service.name, network: service.network };
}

export function emptyRunTaskForm(taskDefinition: string, prefill: NetworkDefault | undefined): RunTaskForm {
  return {
    taskDefinition,
    count: "1",
    capacityProvider: "",
    subnets: prefill?.network.subnets.join(", ") ?? "",
    securityGroups: prefill?.network.securityGroups.join(", ") ?? "",
    assignPublicIp: prefill?.network.assignPublicIp ?? "DISABLED",
  };
}

/**
 * The action's input from the form. The network goes along when the task definition needs
 * subnets, or, while that is not known, when subnets were given; one with another network
 * mode would make ECS refuse the call.
 */
export function runTaskInputOf(cluster: string, form: RunTaskForm, needsSubnets: boolean | undefined): RunTaskInput {
  const subnets = splitList(form.subnets);
  const sendNetwork = needsSubnets ?? subnets.length > 0;
  return {
    cluster,
    taskDefinition: form.taskDefinition,
    count: form.count,
    capacityProviderStrategy: form.capacityProvider ? [{ capacityProvider: form.capacityProvider, weight: 1, base: 0 }] : [],
    ...(sendNetwork ? { network: { subnets, securityGroups: splitList(form.securityGroups), assignPublicIp: form.assignPublicIp } } : {}),
  };
}

/** The first message at `path` or inside it: "network.subnets" finds "network.subnets.1" too. */
export function fieldError(errors: Readonly<Record<string, string>> | undefined, path: string): string | undefined {
  if (!errors) return undefined;
  if (errors[path]) return errors[path];
  const inside = Object.keys(errors).find((key) => key.startsWith(`${path}.`));
  return inside ? errors[inside] : undefined;
}

/** A task id as the cluster page shows it: its first 8 hex digits, like a short commit hash. */
export function shortTaskId(id: string): string {
  return id.slice(0, 8);
}

/** The family to offer first: the first one a service of the cluster runs, else the first by name. */
export function defaultFamily(families: readonly string[], services: readonly ServiceRow[]): string | undefined {
  const used = services.map((service) => service.taskDefinition?.family).find((family) => family && families.includes(family));
  return used ?? families[0];
}
