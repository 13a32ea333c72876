import type {
  DeleteTaskDefinitionsCommandInput,
  DeleteTaskDefinitionsCommandOutput,
  DeregisterTaskDefinitionCommandInput,
  DeregisterTaskDefinitionCommandOutput,
  DescribeTaskDefinitionCommandInput,
  DescribeTaskDefinitionCommandOutput,
  Failure,
  ListTaskDefinitionFamiliesCommandInput,
  ListTaskDefinitionFamiliesCommandOutput,
  ListTaskDefinitionsCommandInput,
  ListTaskDefinitionsCommandOutput,
  RegisterTaskDefinitionCommandInput,
  RegisterTaskDefinitionCommandOutput,
  TaskDefinition,
} from "@aws-sdk/client-ecs";
import type { Output, RequestContext } from "../../protocols/operation";
import { ecsArn, type ArnScope } from "../../store/arns";
import type { TaskDefinitionRecord } from "../../store/records";
import type { EcsWorld } from "../../world";
import { ClientException, InvalidParameterException } from "./errors";
import { paginate } from "./pagination";
import { putTags, tagsOf, validateTags } from "./tag-store";
import { buildTaskDefinition } from "./task-definition-defaults";
import { findTaskDefinitionRecord, nextRevision, parseReference, taskDefinitionsIn } from "./task-definition-lookup";
import {
  DELETE_TASK_DEFINITIONS,
  DEREGISTER_TASK_DEFINITION,
  DESCRIBE_TASK_DEFINITION,
  LIST_TASK_DEFINITION_FAMILIES,
  LIST_TASK_DEFINITIONS,
  readShaped,
} from "./task-definition-shapes";
import { validateRegisterTaskDefinition } from "./task-definition-validation";

/** ECS's task definition operations. Records live in `world.state.taskDefinitions`, keyed by ARN. */
const LIST_LIMITS = { defaultSize: 100, maxSize: 100 };
const MAX_DELETE_BATCH = 10;
const TASK_DEFINITION_STATUSES = ["ACTIVE", "INACTIVE", "DELETE_IN_PROGRESS"] as const;
const FAMILY_STATUSES = ["ACTIVE", "INACTIVE", "ALL"] as const;
const SORT_ORDERS = ["ASC", "DESC"] as const;

/** ECS's reasons in DeleteTaskDefinitions failures. */
const DELETE_FAILURE = {
  invalid: "The specified task definition identifier is invalid. Specify a valid name or ARN and try again.",
  missing: "The specified task definition does not exist. Specify a valid account, family, revision and try again.",
  active: "The specified task definition is still in ACTIVE status. Please deregister the target and try again.",
};

export function createTaskDefinitionOperations(world: EcsWorld) {
  return {
    RegisterTaskDefinition: (_ctx: RequestContext, input: RegisterTaskDefinitionCommandInput) => registerTaskDefinition(world, input),
    DescribeTaskDefinition: (_ctx: RequestContext, input: DescribeTaskDefinitionCommandInput) => describeTaskDefinition(world, input),
    ListTaskDefinitions: (_ctx: RequestContext, input: ListTaskDefinitionsCommandInput) => listTaskDefinitions(world, input),
    ListTaskDefinitionFamilies: (_ctx: RequestContext, input: ListTaskDefinitionFamiliesCommandInput) =>
      listTaskDefinitionFamilies(world, input),
    DeregisterTaskDefinition: (_ctx: RequestContext, input: DeregisterTaskDefinitionCommandInput) =>
      deregisterTaskDefinition(world, input),
    DeleteTaskDefinitions: (_ctx: RequestContext, input: DeleteTaskDefinitionsCommandInput) => deleteTaskDefinitions(world, input),
  };
}

function registerTaskDefinition(
  world: EcsWorld,
  input: RegisterTaskDefinitionCommandInput,
): Output<RegisterTaskDefinitionCommandOutput> {
  const { state } = world;
  const validated = validateRegisterTaskDefinition(input);
  const tags = validateTags(validated.request.tags);
  const scope = world.settings;
  const revision = nextRevision(state, scope, validated.family);
  const taskDefinitionArn = ecsArn.taskDefinition(scope, validated.family, revision);
  const taskDefinition = buildTaskDefinition(validated, {
    taskDefinitionArn,
    revision,
    registeredAt: world.clock.now(),
    registeredBy: rootPrincipalArn(world.settings.accountId),
  });
  state.db.transaction(() => {
    // Tags go first: they are the only part that can still be refused (too many).
    putTags(state, taskDefinitionArn, tags);
    state.taskDefinitions.put(taskDefinitionArn, { taskDefinition });
  });
  return { taskDefinition, tags: validated.request.tags ? tagsOf(state, taskDefinitionArn) : undefined };
}

function describeTaskDefinition(
  world: EcsWorld,
  input: DescribeTaskDefinitionCommandInput,
): Output<DescribeTaskDefinitionCommandOutput> {
  const request = readShaped<DescribeTaskDefinitionCommandInput>(input, DESCRIBE_TASK_DEFINITION);
  const includeTags = readInclude(request.include);
  const record = request.taskDefinition ? findTaskDefinitionRecord(world.state, world.settings, request.taskDefinition) : undefined;
  if (!record) throw new ClientException("Unable to describe task definition.");
  const taskDefinition = record.taskDefinition;
  return { taskDefinition, tags: includeTags ? tagsOf(world.state, taskDefinition.taskDefinitionArn!) : undefined };
}

function listTaskDefinitions(
  world: EcsWorld,
  input: ListTaskDefinitionsCommandInput,
): Output<ListTaskDefinitionsCommandOutput> {
  const request = readShaped<ListTaskDefinitionsCommandInput>(input, LIST_TASK_DEFINITIONS);
  const status = oneOf(request.status, TASK_DEFINITION_STATUSES, "ACTIVE", "status");
  const order = oneOf(request.sort, SORT_ORDERS, "ASC", "sort");
  // Despite its name, ECS matches familyPrefix against the full family name here.
  const family = request.familyPrefix || undefined;
  const definitions = [...taskDefinitionsIn(world.state, world.settings)]
    .map((record) => record.taskDefinition)
    .filter((definition) => definition.status === status && (family === undefined || definition.family === family))
    .sort(byFamilyThenRevision);
  if (order === "DESC") definitions.reverse();
  const page = paginate(definitions.map((definition) => definition.taskDefinitionArn!), request, LIST_LIMITS);
  return { taskDefinitionArns: page.items, nextToken: page.nextToken };
}

function listTaskDefinitionFamilies(
  world: EcsWorld,
  input: ListTaskDefinitionFamiliesCommandInput,
): Output<ListTaskDefinitionFamiliesCommandOutput> {
  const request = readShaped<ListTaskDefinitionFamiliesCommandInput>(input, LIST_TASK_DEFINITION_FAMILIES);
  // ECS lists families with and without ACTIVE revisions unless asked for one kind.
  const status = oneOf(request.status, FAMILY_STATUSES, "ALL", "status");
  const prefix = request.familyPrefix ?? "";
  const hasActiveRevision = new Map<string, boolean>();
  for (const { taskDefinition } of taskDefinitionsIn(world.state, world.settings)) {
    const family = taskDefinition.family!;
    if (!family.startsWith(prefix)) continue;
    hasActiveRevision.set(family, hasActiveRevision.get(family) === true || taskDefinition.status === "ACTIVE");
  }
  const families = [...hasActiveRevision]
    .filter(([, active]) => status === "ALL" || active === (status === "ACTIVE"))
    .map(([family]) => family)
    .sort(compareCodeUnits);
  const page = paginate(families, request, LIST_LIMITS);
  return { families: page.items, nextToken: page.nextToken };
}

function deregisterTaskDefinition(
  world: EcsWorld,
  input: DeregisterTaskDefinitionCommandInput,
): Output<DeregisterTaskDefinitionCommandOutput> {
  const request = readShaped<DeregisterTaskDefinitionCommandInput>(input, DEREGISTER_TASK_DEFINITION);
  const reference = request.taskDefinition ?? "";
  if (parseReference(world.settings, reference)?.revision === undefined) {
    throw new ClientException("Invalid task definition: specify a family and revision (family:revision) or a full ARN.");
  }
  const record = findTaskDefinitionRecord(world.state, world.settings, reference);
  if (!record) throw new ClientException("The specified task definition does not exist.");
  // Deregistering an INACTIVE (or deleting) revision changes nothing and returns it as it is.
  if (record.taskDefinition.status === "ACTIVE") {
    record.taskDefinition.status = "INACTIVE";
    record.taskDefinition.deregisteredAt = world.clock.now();
    world.state.taskDefinitions.put(record.taskDefinition.taskDefinitionArn!, record);
  }
  return { taskDefinition: record.taskDefinition };
}

function deleteTaskDefinitions(
  world: EcsWorld,
  input: DeleteTaskDefinitionsCommandInput,
): Output<DeleteTaskDefinitionsCommandOutput> {
  const request = readShaped<DeleteTaskDefinitionsCommandInput>(input, DELETE_TASK_DEFINITIONS);
  const references = request.taskDefinitions ?? [];
  if (references.length < 1 || references.length > MAX_DELETE_BATCH) {
    throw new InvalidParameterException(`taskDefinitions must contain between 1 and ${MAX_DELETE_BATCH} task definitions.`);
  }
  const taskDefinitions: TaskDefinition[] = [];
  const failures: Failure[] = [];
  world.state.db.transaction(() => {
    for (const reference of references) {
      const outcome = deleteOne(world, world.settings, reference);
      if (typeof outcome === "string") failures.push({ arn: reference, reason: outcome });
      else taskDefinitions.push(outcome.taskDefinition);
    }
  });
  return { taskDefinitions, failures };
}

/** Marks one INACTIVE revision DELETE_IN_PROGRESS; a string is the failure reason. */
function deleteOne(world: EcsWorld, scope: ArnScope, reference: string): TaskDefinitionRecord | string {
  if (parseReference(scope, reference)?.revision === undefined) return DELETE_FAILURE.invalid;
  const record = findTaskDefinitionRecord(world.state, scope, reference);
  if (!record) return DELETE_FAILURE.missing;
  const definition = record.taskDefinition;
  if (definition.status === "ACTIVE") return DELETE_FAILURE.active;
  if (definition.status === "INACTIVE") {
    definition.status = "DELETE_IN_PROGRESS";
    definition.deleteRequestedAt = world.clock.now();
    world.state.taskDefinitions.put(definition.taskDefinitionArn!, record);
  }
  return record;
}


/** Who registered a definition: the account's root principal, as local ECS has no IAM. */
function rootPrincipalArn(accountId: string): string {
  return `arn:aws:iam::${accountId}:root`;
}

function readInclude(include: string[] | undefined): boolean {
  for (const field of include ?? []) {
    if (field !== "TAGS") throw new ClientException(`Invalid 'include' value '${field}'. The only valid value is TAGS.`);
  }
  return include?.includes("TAGS") ?? false;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, member: string): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ClientException(`Invalid '${member}' value '${value}'. Valid values are ${allowed.join(", ")}.`);
  }
  return value as T;
}

/** ECS's order: family names lexicographically, then revisions numerically. */
function byFamilyThenRevision(a: TaskDefinition, b: TaskDefinition): number {
  return compareCodeUnits(a.family!, b.family!) || a.revision! - b.revision!;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
