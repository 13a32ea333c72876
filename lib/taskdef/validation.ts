import type { RegisterTaskDefinitionCommandInput } from "@aws-sdk/client-ecs";
import { z } from "zod";
import { containerDefinition, MAX_CONTAINERS, nameField } from "./container-schema";
import { checkTask } from "./task-rules";
import { parseTaskCpu, parseTaskMemory } from "./task-size";

/**
 * The RegisterTaskDefinition input the editor edits, checked as ECS checks it, so a person
 * sees field-level messages before any AWS call. Members the editor does not edit pass
 * through untouched.
 */
const IAM_ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@\-/]{1,512}$/;
const roleArn = (what: string) => z.string().regex(IAM_ROLE_ARN, `${what} must be an IAM role ARN (arn:aws:iam::123456789012:role/name).`);

const taskCpu = z
  .string("Task cpu must be text, such as 1024 or 1 vCPU.")
  .refine((value) => parseTaskCpu(value) !== undefined, "Task cpu must be CPU units (128 to 196608) or vCPUs, such as 1024 or 1 vCPU.");
const taskMemory = z
  .string("Task memory must be text, such as 2048 or 2 GB.")
  .refine((value) => parseTaskMemory(value) !== undefined, "Task memory must be MiB or GB, such as 2048 or 2 GB.");

export const registerTaskDefinitionInput = z
  .looseObject({
    family: nameField("Family"),
    cpu: taskCpu.optional(),
    memory: taskMemory.optional(),
    networkMode: z.enum(["awsvpc", "bridge", "host", "none"], "Network mode must be awsvpc, bridge, host or none.").optional(),
    requiresCompatibilities: z
      .array(z.enum(["EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES"], "Compatibility must be EC2, FARGATE, EXTERNAL or MANAGED_INSTANCES."))
      .optional(),
    taskRoleArn: roleArn("Task role").optional(),
    executionRoleArn: roleArn("Execution role").optional(),
    containerDefinitions: z
      .array(containerDefinition, "Add at least one container.")
      .min(1, "Add at least one container.")
      .max(MAX_CONTAINERS, `A task definition has at most ${MAX_CONTAINERS} containers.`),
  })
  .check((ctx) => {
    const report = (path: PropertyKey[], message: string) => ctx.issues.push({ code: "custom", input: ctx.value, path, message });
    try {
      checkTask(ctx.value, report);
    } catch (error) {
      // Cross-field rules run beside field errors; a value of the wrong type there is already reported.
      if (ctx.issues.length === 0) throw error;
    }
  }) satisfies z.ZodType<RegisterTaskDefinitionCommandInput>;

export type TaskDefinitionInput = z.infer<typeof registerTaskDefinitionInput>;

export type TaskDefinitionValidation =
  | { ok: true; value: TaskDefinitionInput }
  | { ok: false; fieldErrors: Record<string, string> };

/** Never throws: any value at all gets either the checked input or messages keyed by field path. */
export function validateTaskDefinition(input: unknown): TaskDefinitionValidation {
  try {
    const result = registerTaskDefinitionInput.safeParse(input);
    if (result.success) return { ok: true, value: result.data };
    return { ok: false, fieldErrors: firstMessagePerPath(result.error.issues) };
  } catch {
    return { ok: false, fieldErrors: { "": "This task definition could not be read." } };
  }
}

/** Paths like `containerDefinitions.0.portMappings.1.containerPort`; "" is the input itself. */
function firstMessagePerPath(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const messages = new Map<string, string>();
  for (const issue of issues) {
    const path = issue.path.map(String).join(".");
    if (!messages.has(path)) messages.set(path, issue.message);
  }
  // fromEntries defines own properties, so a key such as "__proto__" cannot reach a prototype.
  return Object.fromEntries(messages);
}
