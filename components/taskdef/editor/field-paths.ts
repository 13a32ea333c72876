import { valueAt } from "@/lib/taskdef/draft";

/**
 * Where a validation message belongs: the form field of its path, or the JSON editor for a
 * member the form does not show. Field ids come from paths, so a message can point at its field.
 */
export const JSON_EDITOR_ID = "taskdef-json";
export const CHANGE_NOTE_ID = "field-changeNote";

export function fieldId(path: string): string {
  return `field-${path.replaceAll(".", "-")}`;
}

const CONTAINER = String.raw`containerDefinitions\.\d+`;
const FORM_FIELDS = [
  /^(family|cpu|memory|networkMode|requiresCompatibilities|taskRoleArn|executionRoleArn)$/,
  new RegExp(`^${CONTAINER}\\.(name|image|essential|cpu|memory|memoryReservation|command)$`),
  new RegExp(`^${CONTAINER}\\.portMappings\\.\\d+\\.(containerPort|hostPort|protocol|name|appProtocol)$`),
  new RegExp(`^${CONTAINER}\\.(environment|secrets)\\.\\d+\\.(name|value|valueFrom)$`),
  new RegExp(`^${CONTAINER}\\.healthCheck\\.(command|interval|timeout|retries|startPeriod)$`),
  new RegExp(`^${CONTAINER}\\.logConfiguration\\.(logDriver|options)$`),
];

/** The form field a message at `path` is shown at: an item of a list field (a command's argument) at the list. */
export function formFieldOf(path: string): string | undefined {
  const field = path.replace(/^(requiresCompatibilities|.*\.command|.*\.logConfiguration\.options)\..*$/, "$1");
  return FORM_FIELDS.some((pattern) => pattern.test(field)) ? field : undefined;
}

/** Messages split between the form's fields (keyed by field path) and the rest, which the JSON editor answers for. */
export function placeMessages(fieldErrors: Record<string, string>): { atFields: Record<string, string>; elsewhere: [string, string][] } {
  const atFields: Record<string, string> = {};
  const elsewhere: [string, string][] = [];
  for (const [path, message] of Object.entries(fieldErrors)) {
    const field = formFieldOf(path);
    if (field) atFields[field] ??= message;
    else elsewhere.push([path, message]);
  }
  return { atFields, elsewhere };
}

const WORDS: Record<string, string> = {
  portMappings: "port mapping",
  environment: "variable",
  secrets: "secret",
  healthCheck: "health check",
  logConfiguration: "log configuration",
};

/** "Container 1 (app), port mapping 2": where a message is, for the error summary; "" for task-level fields. */
export function placeOf(path: string, draft: unknown): string {
  const match = /^containerDefinitions\.(\d+)(?:\.(\w+)(?:\.(\d+))?)?/.exec(path);
  if (!match) return "";
  const [, index, member, item] = match;
  const name = valueAt(draft, `containerDefinitions.${index}.name`);
  const container = `Container ${Number(index) + 1}${typeof name === "string" && name ? ` (${name})` : ""}`;
  const word = member && WORDS[member];
  if (!word) return container;
  return item === undefined ? `${container}, ${word}` : `${container}, ${word} ${Number(item) + 1}`;
}
