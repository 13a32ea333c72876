import { validTaskDefinition } from "./fixtures";

/** The emulator's fuzz tests' generator: seedable, so a failing case can be replayed from its seed. */
export { seededRandom } from "@/emulator/test/seeded-random";

/**
 * Generates malformed task definitions from the valid fixture, deterministically from a seed.
 * Every mutation breaks a documented rule, so each result must be refused.
 */
type Node = Record<string, unknown> | unknown[];
export type Random = () => number;

type Mutation = (task: Record<string, unknown>, random: Random) => void;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const containers = (task: Record<string, unknown>) => task.containerDefinitions as Record<string, unknown>[];
const someContainer = (task: Record<string, unknown>, random: Random) => pick(random, containers(task));
const app = (task: Record<string, unknown>) => containers(task)[0];

/** Every [parent, key] below the root, so a value at any depth can be replaced. */
function slots(node: unknown, out: Array<[Node, string | number]> = []): Array<[Node, string | number]> {
  if (Array.isArray(node)) node.forEach((child, index) => (out.push([node, index]), slots(child, out)));
  else if (node !== null && typeof node === "object") {
    for (const [key, child] of Object.entries(node)) out.push([node as Record<string, unknown>, key]), slots(child, out);
  }
  return out;
}

function kindOf(value: unknown): string {
  return Array.isArray(value) ? "array" : value === null ? "null" : typeof value;
}

const OTHER_KINDS: unknown[] = [0, -1, 1.5, 1e21, "x", "", "é∆🙂", true, false, [], [1, "a"], {}, { nested: { deeper: [null] } }, { __proto__: { polluted: true } }];

/** A value of another JSON kind anywhere: every member of the fixture has a fixed type. */
const wrongType: Mutation = (task, random) => {
  const [parent, key] = pick(random, slots(task));
  const kind = kindOf((parent as Record<string | number, unknown>)[key]);
  const candidates = OTHER_KINDS.filter((value) => kindOf(value) !== kind);
  (parent as Record<string | number, unknown>)[key] = structuredClone(pick(random, candidates));
};

const REQUIRED: Array<(task: Record<string, unknown>, random: Random) => [Record<string, unknown>, string]> = [
  (task) => [task, "family"],
  (task) => [task, "containerDefinitions"],
  (task, random) => [someContainer(task, random), "name"],
  (task, random) => [someContainer(task, random), "image"],
  (task) => [app(task).healthCheck as Record<string, unknown>, "command"],
  (task) => [app(task).logConfiguration as Record<string, unknown>, "logDriver"],
  (task, random) => [pick(random, app(task).portMappings as Record<string, unknown>[]), "containerPort"],
  (task, random) => [pick(random, app(task).secrets as Record<string, unknown>[]), "valueFrom"],
  (task) => [task, "cpu"],
  (task) => [task, "executionRoleArn"],
];

const deleteRequired: Mutation = (task, random) => {
  const [parent, key] = pick(random, REQUIRED)(task, random);
  delete parent[key];
};

const OUT_OF_RANGE: Array<[(task: Record<string, unknown>) => Record<string, unknown>, string, number[]]> = [
  [(task) => (app(task).portMappings as Record<string, unknown>[])[1], "containerPort", [0, 65536, -80, 80.5]],
  [(task) => (app(task).portMappings as Record<string, unknown>[])[1], "hostPort", [-1, 65536]],
  [(task) => app(task).healthCheck as Record<string, unknown>, "interval", [4, 301]],
  [(task) => app(task).healthCheck as Record<string, unknown>, "timeout", [1, 61]],
  [(task) => app(task).healthCheck as Record<string, unknown>, "retries", [0, 11]],
  [(task) => app(task).healthCheck as Record<string, unknown>, "startPeriod", [-1, 301]],
  [(task) => app(task), "cpu", [-1, 0.5, 1025]],
  [(task) => app(task), "memory", [5, 2049, 1e6]],
  [(task) => app(task), "memoryReservation", [5, 1025]],
];

const outOfRange: Mutation = (task, random) => {
  const [parentOf, key, values] = pick(random, OUT_OF_RANGE);
  parentOf(task)[key] = pick(random, values);
};

const GARBAGE: Array<[(task: Record<string, unknown>, random: Random) => Record<string, unknown>, string, string[]]> = [
  [(task) => task, "family", ["", "shop web", "shop.web", "é", "f".repeat(256)]],
  [(task, random) => someContainer(task, random), "name", ["", "my app", "app!", "n".repeat(256)]],
  [(task, random) => someContainer(task, random), "image", ["", " ", "i".repeat(256)]],
  [(task) => task, "networkMode", ["", "overlay", "AWSVPC", "bridge"]],
  [(task) => task, "cpu", ["", "abc", "1.5", "99999999", "0.1 vCPU", "384"]],
  [(task) => task, "memory", ["", "2 MB", "0", "1536", "2.5 GB"]],
  [(task) => (app(task).portMappings as Record<string, unknown>[])[0], "protocol", ["", "TCP", "sctp"]],
  [(task) => app(task).logConfiguration as Record<string, unknown>, "logDriver", ["", "none", "logentries"]],
  [(task) => app(task).healthCheck as Record<string, unknown>, "command", []],
  [(task) => (app(task).environment as Record<string, unknown>[])[0], "name", [""]],
  [(task) => task, "taskRoleArn", ["", "shop-task", "arn:aws:iam::123:role/x", "arn:aws:iam::123456789012:user/x"]],
  [(task) => (app(task).secrets as Record<string, unknown>[])[1], "valueFrom", ["", "has space", "arn:aws:s3:::bucket/key"]],
];

const garbageString: Mutation = (task, random) => {
  const [parentOf, key, values] = pick(random, GARBAGE);
  const parent = parentOf(task, random);
  parent[key] = key === "command" ? pick(random, [[], ["curl"], ["CMD"], ["CMD-SHELL", " "]]) : pick(random, values);
};

const duplicate: Mutation = (task, random) => {
  const target = app(task);
  const choice = pick(random, ["container", "port", "variable", "taskPort"]);
  if (choice === "container") containers(task).push(structuredClone(target));
  if (choice === "port") (target.portMappings as unknown[]).push(structuredClone((target.portMappings as unknown[])[0]));
  if (choice === "variable") (target.environment as unknown[]).push({ name: "MODE", value: "other" });
  if (choice === "taskPort") containers(task)[1].portMappings = [{ containerPort: 8080 }];
};

const crossField: Mutation = (task, random) => {
  const choice = pick(random, ["notEssential", "bridge", "tooMany", "huge", "noTaskMemory", "hostPort", "empty"]);
  if (choice === "notEssential") for (const container of containers(task)) container.essential = false;
  if (choice === "bridge") task.networkMode = "bridge";
  if (choice === "tooMany") task.containerDefinitions = Array.from({ length: 11 }, (_, i) => ({ name: `c${i}`, image: "x:1", memory: 64 }));
  if (choice === "huge") task.containerDefinitions = Array.from({ length: 5000 }, () => ({ nested: [{}] }));
  if (choice === "noTaskMemory") {
    Object.assign(task, { requiresCompatibilities: ["EC2"], memory: undefined });
    delete containers(task)[1].memoryReservation;
  }
  if (choice === "hostPort") (app(task).portMappings as Record<string, unknown>[])[0].hostPort = 9090;
  if (choice === "empty") task.containerDefinitions = pick(random, [[], [null], [[]], ["app"]]);
};

const MUTATIONS: Mutation[] = [wrongType, deleteRequired, outOfRange, garbageString, duplicate, crossField];
const WHOLE_GARBAGE: unknown[] = [null, 0, "task", [], [validTaskDefinition()], true, { __proto__: { family: "x" } }];

export function malformedTaskDefinition(random: Random): unknown {
  if (random() < 0.02) return structuredClone(pick(random, WHOLE_GARBAGE));
  const task = validTaskDefinition() as unknown as Record<string, unknown>;
  pick(random, MUTATIONS)(task, random);
  const more = Math.floor(random() * 3);
  for (let i = 0; i < more; i++) {
    try {
      pick(random, MUTATIONS)(task, random);
    } catch {
      // A later mutation may aim at a part an earlier one already broke; the input stays malformed.
    }
  }
  // Inputs reach validation as decoded JSON (an imported taskdef.json), so they pass through JSON.
  return JSON.parse(JSON.stringify(task));
}
