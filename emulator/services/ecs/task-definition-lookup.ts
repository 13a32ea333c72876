import type { TaskDefinition } from "@aws-sdk/client-ecs";
import { ecsArn, parseEcsArn, parseTaskDefinitionReference, type ArnScope } from "../../store/arns";
import type { TaskDefinitionRecord } from "../../store/records";
import type { EcsState } from "../../store/state";
import type { EcsWorld } from "../../world";

/**
 * Finding task definitions by the references ECS accepts: `family` (its latest ACTIVE
 * revision), `family:revision`, or a full ARN. Task definitions are regional, so every
 * lookup is scoped to one account and region.
 */

/** The task definition a RunTask / CreateService / UpdateService reference names, in the emulator's own region. */
export function findTaskDefinition(world: EcsWorld, reference: unknown): TaskDefinition | undefined {
  if (typeof reference !== "string") return undefined;
  return findTaskDefinitionRecord(world.state, world.settings, reference)?.taskDefinition;
}

export function findTaskDefinitionRecord(state: EcsState, scope: ArnScope, reference: string): TaskDefinitionRecord | undefined {
  const parsed = parseReference(scope, reference);
  if (!parsed) return undefined;
  if (parsed.revision === undefined) return latestActiveRevision(state, scope, parsed.family);
  return state.taskDefinitions.get(ecsArn.taskDefinition(scope, parsed.family, parsed.revision));
}

export function* taskDefinitionsIn(state: EcsState, scope: ArnScope): Generator<TaskDefinitionRecord> {
  for (const record of state.taskDefinitions.values()) {
    const arn = parseEcsArn(record.taskDefinition.taskDefinitionArn ?? "");
    if (arn?.region === scope.region && arn.accountId === scope.accountId) yield record;
  }
}

export interface TaskDefinitionReference {
  family: string;
  /** Absent for a bare family name. */
  revision?: number;
}

/** Undefined when `reference` cannot name a task definition in `scope` at all. */
export function parseReference(scope: ArnScope, reference: string): TaskDefinitionReference | undefined {
  const arn = parseEcsArn(reference);
  if (arn && (arn.resourceType !== "task-definition" || arn.region !== scope.region || arn.accountId !== scope.accountId)) {
    return undefined;
  }
  if (!arn && reference.startsWith("arn:")) return undefined;
  const parsed = parseTaskDefinitionReference(reference);
  const revisionValid = parsed.revision === undefined || (Number.isInteger(parsed.revision) && parsed.revision > 0);
  return parsed.family !== "" && revisionValid ? parsed : undefined;
}

function latestActiveRevision(state: EcsState, scope: ArnScope, family: string): TaskDefinitionRecord | undefined {
  let latest: TaskDefinitionRecord | undefined;
  for (const record of taskDefinitionsIn(state, scope)) {
    const definition = record.taskDefinition;
    if (definition.family !== family || definition.status !== "ACTIVE") continue;
    if (!latest || definition.revision! > latest.taskDefinition.revision!) latest = record;
  }
  return latest;
}

/**
 * One past the highest revision the family has ever had. Revisions are never reused: records
 * are kept through DELETE_IN_PROGRESS, so the highest one is still known.
 */
export function nextRevision(state: EcsState, scope: ArnScope, family: string): number {
  let highest = 0;
  for (const record of taskDefinitionsIn(state, scope)) {
    if (record.taskDefinition.family === family) highest = Math.max(highest, record.taskDefinition.revision ?? 0);
  }
  return highest + 1;
}
