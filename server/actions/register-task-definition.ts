"use server";

import { RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { z } from "zod";
import { MASK } from "@/lib/secrets/mask";
import { restoreMaskedValues } from "@/lib/secrets/mask-registration";
import { MAX_CHANGE_NOTE_LENGTH, tagsWithChangeNote, toRegistration, type Registration } from "@/lib/taskdef/registration";
import { validateTaskDefinition } from "@/lib/taskdef/validation";
import type { Connection } from "@/server/aws/connection";
import { sendEcs } from "@/server/aws/writes";
import { describeRevision } from "@/server/ecs/task-definition-revision";
import { ActionRefusal, defineAction } from "./action-client";

/**
 * The editor's draft, checked as ECS checks it. Field errors come back keyed
 * `registration.<path>` (`registration.containerDefinitions.0.image`), or `registration` for
 * the draft as a whole.
 */
const registration = z.unknown().transform((value, ctx): Registration => {
  const checked = validateTaskDefinition(value);
  if (checked.ok) return checked.value as Registration;
  for (const [path, message] of Object.entries(checked.fieldErrors)) {
    ctx.addIssue({ code: "custom", message, path: path === "" ? [] : path.split(".") });
  }
  return z.NEVER;
});

const registerTaskDefinitionRequest = z.object({
  registration,
  changeNote: z.string().max(MAX_CHANGE_NOTE_LENGTH, `A change note has at most ${MAX_CHANGE_NOTE_LENGTH} characters.`).optional(),
  /** The revision the draft started from: where values hidden from the person are restored from. */
  basedOn: z.string().max(2048).optional(),
});

const HIDDEN_VALUE = "This value is hidden from you: type the new value.";

/**
 * Values masked for a person who may not see secrets, left as they were in the editor, are
 * put back from the revision the draft started from; one with nothing to come from is
 * refused at its field. Only a draft holding a masked value costs the describe.
 */
async function withHiddenValuesRestored(connection: Connection, submitted: Registration, basedOn: string | undefined): Promise<Registration> {
  if (!JSON.stringify(submitted).includes(MASK)) return submitted;
  const described = basedOn ? await describeRevision(connection, basedOn) : undefined;
  const original = described?.ok ? toRegistration(described.value.taskDefinition, described.value.tags) : undefined;
  const { registration: restored, unresolved } = restoreMaskedValues(submitted, original);
  if (unresolved.length > 0) throw new ActionRefusal(HIDDEN_VALUE, `registration.${unresolved[0]}`);
  return restored;
}

/** Registers a new revision of a family from the editor's draft, its change note kept as a tag. */
export const registerTaskDefinition = defineAction({
  name: "task-definition.register",
  permission: "operate",
  input: registerTaskDefinitionRequest,
  async run({ registration: submitted, changeNote, basedOn }, { connection }) {
    const restored = await withHiddenValuesRestored(connection, submitted, basedOn);
    const input: Registration = { ...restored, tags: tagsWithChangeNote(restored.tags, changeNote ?? "") };
    if (input.tags === undefined) delete input.tags;
    const { taskDefinition, $metadata } = await sendEcs(connection, new RegisterTaskDefinitionCommand(input));
    const family = taskDefinition?.family ?? input.family ?? "";
    const revision = taskDefinition?.revision ?? 0;
    const label = `${family}:${revision}`;
    return {
      message: `Registered ${label}.`,
      value: { arn: taskDefinition?.taskDefinitionArn ?? "", family, revision, label },
      target: taskDefinition?.taskDefinitionArn,
      requestId: $metadata.requestId,
    };
  },
});
