import { z } from "zod";

/**
 * The inputs of the operations on one task definition revision. Deregistering and deleting
 * act on exactly one revision, so a bare family (ECS's "latest ACTIVE") is refused here
 * rather than guessed at.
 */
const FAMILY_REVISION = /^[A-Za-z0-9_-]{1,255}:[1-9]\d*$/;
const REVISION_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[A-Za-z0-9_-]{1,255}:[1-9]\d*$/;

export const taskDefinitionRevision = z
  .string({ error: "Name the task definition revision." })
  .trim()
  .min(1, "Name the task definition revision.")
  .refine((value) => FAMILY_REVISION.test(value) || REVISION_ARN.test(value), "A revision is family:revision (web:7) or a task definition ARN with its revision.");

export const deregisterTaskDefinitionInput = z.object({ taskDefinition: taskDefinitionRevision });

export const deleteTaskDefinitionInput = z.object({ taskDefinition: taskDefinitionRevision });
