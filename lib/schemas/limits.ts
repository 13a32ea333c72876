/**
 * ECS's limits that forms show as they render (a field's range, the capacity providers to
 * offer). Plain values without zod, so a page carries them without the schemas, which load
 * when a form is first submitted (./operations.ts).
 */

/** ECS's quota of tasks per service. */
export const MAX_DESIRED_COUNT = 5_000;

/** RunTask starts at most 10 tasks a call. */
export const MAX_RUN_TASK_COUNT = 10;

export const CAPACITY_PROVIDERS = ["FARGATE", "FARGATE_SPOT"] as const;

/** "family:revision", "family" (the latest ACTIVE revision) or a task definition ARN. */
export const TASK_DEFINITION = /^([A-Za-z0-9_-]{1,255}(:[1-9]\d*)?|arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[A-Za-z0-9_-]{1,255}:[1-9]\d*)$/;

export function isTaskDefinitionReference(value: string): boolean {
  return TASK_DEFINITION.test(value.trim());
}

/** "subnet-a, subnet-b subnet-c" → the ids, for fields that take a list. */
export function splitList(value: string): string[] {
  return value.split(/[\s,]+/).filter(Boolean);
}
