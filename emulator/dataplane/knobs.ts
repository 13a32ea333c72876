import type { KeyValuePair } from "@aws-sdk/client-ecs";

/**
 * Failure knobs: environment variables on a container that make local ECS's built-in sample
 * app misbehave on purpose, so deployments, circuit breakers and rollbacks can be exercised.
 * A bad value never fails a task launch: it is ignored and reported.
 */
export interface TaskKnobs {
  /** The container exits during start-up; the task never reaches RUNNING. */
  readonly failToStart: boolean;
  /** Emulated seconds after RUNNING at which the essential container exits with code 1. */
  readonly crashAfterSeconds?: number;
  /** `/health` answers 503. */
  readonly failHealthCheck: boolean;
  /** Fraction (0–1) of requests to `/` answered with 500. */
  readonly errorRate: number;
  /** Extra emulated seconds the container takes to start. */
  readonly startupSeconds: number;
  /** Real milliseconds added to each response from `/`. */
  readonly responseDelayMs: number;
  /** One line per knob whose value was ignored, and per unknown `SLIPWAY_` name. */
  readonly warnings: string[];
}

/** What a container without knobs gets. */
const DEFAULTS: Omit<TaskKnobs, "warnings"> = {
  failToStart: false,
  crashAfterSeconds: undefined,
  failHealthCheck: false,
  errorRate: 0,
  startupSeconds: 0,
  responseDelayMs: 0,
};

export interface TaskKnobDoc {
  name: string;
  example: string;
  default: string;
  effect: string;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type BooleanField = { [K in keyof TaskKnobs]-?: TaskKnobs[K] extends boolean ? K : never }[keyof TaskKnobs];
type NumberField = { [K in keyof TaskKnobs]-?: TaskKnobs[K] extends number | undefined ? K : never }[keyof TaskKnobs];

interface KnobDefinition extends TaskKnobDoc {
  /** Sets the knob from `raw`; returns what was expected when `raw` is not acceptable. */
  apply(raw: string, knobs: Mutable<TaskKnobs>): string | undefined;
}

const KNOB_PREFIX = "SLIPWAY_";
/** Far inside Node's timer range; a longer delay would only look like a hung task. */
const MAX_RESPONSE_DELAY_MS = 300_000;

function booleanKnob(field: BooleanField): KnobDefinition["apply"] {
  return (raw, knobs) => {
    const value = raw.toLowerCase();
    if (value !== "true" && value !== "false") return `"true" or "false"`;
    knobs[field] = value === "true";
    return undefined;
  };
}

/** Plain decimals only: `Number()` would also take "0x1f", "1e3" and "Infinity". */
function numberKnob(field: NumberField, max = Number.MAX_SAFE_INTEGER): KnobDefinition["apply"] {
  return (raw, knobs) => {
    const value = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(value <= max)) return max === Number.MAX_SAFE_INTEGER ? "a number of 0 or more" : `a number from 0 to ${max}`;
    knobs[field] = value;
    return undefined;
  };
}

const KNOBS: readonly KnobDefinition[] = [
  {
    name: "SLIPWAY_FAIL_TO_START",
    example: "true",
    default: "false",
    effect: "The container exits during start-up, so the task never reaches RUNNING (stop code TaskFailedToStart).",
    apply: booleanKnob("failToStart"),
  },
  {
    name: "SLIPWAY_CRASH_AFTER_SECONDS",
    example: "120",
    default: "never",
    effect: "The essential container exits with code 1 this many emulated seconds after the task reaches RUNNING.",
    apply: numberKnob("crashAfterSeconds"),
  },
  {
    name: "SLIPWAY_FAIL_HEALTH_CHECK",
    example: "true",
    default: "false",
    effect: "The health endpoint answers 503, so container health checks and load-balancer health checks fail.",
    apply: booleanKnob("failHealthCheck"),
  },
  {
    name: "SLIPWAY_ERROR_RATE",
    example: "0.25",
    default: "0",
    effect: "This fraction (0–1) of ordinary requests (to `/`) answer 500; the health endpoint is unaffected.",
    apply: numberKnob("errorRate", 1),
  },
  {
    name: "SLIPWAY_STARTUP_SECONDS",
    example: "30",
    default: "0",
    effect: "Extra emulated seconds the container takes to start before the task reaches RUNNING.",
    apply: numberKnob("startupSeconds"),
  },
  {
    name: "SLIPWAY_RESPONSE_DELAY_MS",
    example: "200",
    default: "0",
    effect: `Real milliseconds (at most ${MAX_RESPONSE_DELAY_MS}) added to each ordinary response (to \`/\`); the health endpoint is unaffected.`,
    apply: numberKnob("responseDelayMs", MAX_RESPONSE_DELAY_MS),
  },
];

/** The documented knobs, in the order the README lists them. */
export const TASK_KNOB_DOCS: readonly TaskKnobDoc[] = KNOBS.map(({ name, example, default: byDefault, effect }) => ({
  name,
  example,
  default: byDefault,
  effect,
}));

/** The knob table as Markdown, for the README. */
export function taskKnobsMarkdownTable(): string {
  const rows = TASK_KNOB_DOCS.map((doc) => `| \`${doc.name}\` | \`${doc.example}\` | ${doc.default} | ${doc.effect} |`);
  return ["| variable | example | default | effect |", "|---|---|---|---|", ...rows].join("\n");
}

/**
 * Reads the knobs from a container's environment. Later entries win, as in Docker; an empty
 * value counts as unset (consoles often leave one behind).
 */
export function readTaskKnobs(environment: KeyValuePair[] | undefined): TaskKnobs {
  const warnings: string[] = [];
  const knobs: Mutable<TaskKnobs> = { ...DEFAULTS, warnings };
  for (const [name, raw] of lastValueByName(environment ?? [])) {
    const knob = KNOBS.find((k) => k.name === name);
    if (!knob) {
      if (name.startsWith(KNOB_PREFIX)) warnings.push(`${name} is not a Slipway knob and was ignored.`);
      continue;
    }
    const expected = knob.apply(raw, knobs);
    if (expected) warnings.push(`${name}=${JSON.stringify(raw)} was ignored: expected ${expected}.`);
  }
  return knobs;
}

function lastValueByName(environment: KeyValuePair[]): Map<string, string> {
  const values = new Map<string, string>();
  for (const { name, value } of environment) {
    if (!name) continue;
    const trimmed = (value ?? "").trim();
    if (trimmed === "") values.delete(name);
    else values.set(name, trimmed);
  }
  return values;
}
