import type { TaskDefinition, TaskDefinitionStatus, Tag } from "@aws-sdk/client-ecs";
import { maskRegistration } from "@/lib/secrets/mask-registration";
import { changeNoteOf, toRegistration, type Registration } from "@/lib/taskdef/registration";
import { isoDate } from "./common";
import { toTaskDefinitionSummary, type TaskDefinitionSummary } from "./task-detail";

/** One revision as its page, the editor and the diff show it; masked already where the viewer may not see secrets. */
export interface RevisionView {
  arn: string;
  family: string;
  revision: number;
  /** "web:7" */
  label: string;
  status: TaskDefinitionStatus;
  registeredAt?: string;
  registeredBy?: string;
  deregisteredAt?: string;
  changeNote?: string;
  summary: TaskDefinitionSummary;
  /** The clean RegisterTaskDefinition input that registers this revision again. */
  registration: Registration;
  /** Whether masking hid a value from this viewer; the editor restores hidden values on registering. */
  hidesValues: boolean;
}

export function toRevisionView(taskDefinition: TaskDefinition, tags: readonly Tag[] | undefined, canSeeSecrets: boolean): RevisionView {
  const family = taskDefinition.family ?? "";
  const revision = taskDefinition.revision ?? 0;
  const clean = toRegistration(taskDefinition, tags);
  const registration = maskRegistration(clean, canSeeSecrets);
  return {
    arn: taskDefinition.taskDefinitionArn ?? "",
    family,
    revision,
    label: `${family}:${revision}`,
    status: taskDefinition.status ?? "ACTIVE",
    registeredAt: isoDate(taskDefinition.registeredAt),
    registeredBy: taskDefinition.registeredBy,
    deregisteredAt: isoDate(taskDefinition.deregisteredAt),
    changeNote: changeNoteOf(tags),
    summary: toTaskDefinitionSummary(taskDefinition, { canSeeSecrets }),
    registration,
    hidesValues: JSON.stringify(registration) !== JSON.stringify(clean),
  };
}
