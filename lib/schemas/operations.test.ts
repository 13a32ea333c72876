import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { fieldErrorsOf } from "@/lib/action-result";
import { isTaskDefinitionReference, MAX_DESIRED_COUNT, MAX_RUN_TASK_COUNT, splitList } from "./limits";
import { createClusterInput, forceNewDeploymentInput, runTaskInput, scaleServiceInput, stopTaskInput, taskDefinitionRef } from "./operations";

/** The form's view of a failed parse: a message per field path, or undefined when it passes. */
function errorsOf(schema: z.ZodType, input: unknown): Record<string, string> | undefined {
  const parsed = schema.safeParse(input);
  return parsed.success ? undefined : fieldErrorsOf(parsed.error.issues);
}

const TASK_ID = "0123456789abcdef0123456789abcdef";
const ACCOUNT_ARN = "arn:aws:ecs:us-east-1:000000000000";

describe("cluster and service names", () => {
  const scale = (cluster: unknown, service: unknown = "web") => errorsOf(scaleServiceInput, { cluster, service, desiredCount: 1 });

  it("take letters, digits, hyphens and underscores, up to 255, and ARNs", () => {
    expect(scale("demo_2-a")).toBeUndefined();
    expect(scale("a".repeat(255))).toBeUndefined();
    expect(scale(`${ACCOUNT_ARN}:cluster/demo`, `${ACCOUNT_ARN}:service/demo/web`)).toBeUndefined();
    expect(scaleServiceInput.parse({ cluster: "  demo ", service: "web", desiredCount: 1 }).cluster).toBe("demo");
  });

  it("refuse other characters, a name too long, and no name, with the field's words", () => {
    const message = "A cluster name is 1–255 letters, digits, hyphens or underscores.";
    for (const bad of ["my cluster", "demo!", "démo", "demo/web", "a".repeat(256), "arn:aws:s3:::bucket"]) {
      expect(scale(bad), bad).toEqual({ cluster: message });
    }
    expect(scale("")).toEqual({ cluster: "Give the cluster name." });
    expect(scale("   ")).toEqual({ cluster: "Give the cluster name." });
    expect(scale(undefined)).toEqual({ cluster: "Give the cluster name." });
    expect(scale("demo", "web.v2")).toEqual({ service: "A service name is 1–255 letters, digits, hyphens or underscores." });
  });
});

describe("scaleServiceInput", () => {
  const desired = (desiredCount: unknown) => errorsOf(scaleServiceInput, { cluster: "demo", service: "web", desiredCount });

  it("takes 0 to 5,000 tasks, from a number or a field's text", () => {
    expect(desired(0)).toBeUndefined();
    expect(desired(MAX_DESIRED_COUNT)).toBeUndefined();
    expect(scaleServiceInput.parse({ cluster: "demo", service: "web", desiredCount: " 4 " }).desiredCount).toBe(4);
  });

  it("refuses -1 and 5,001 with the limit in the message", () => {
    expect(desired(-1)).toEqual({ desiredCount: "Desired tasks must be at least 0." });
    expect(desired(5001)).toEqual({ desiredCount: "Desired tasks must be at most 5,000." });
    expect(desired("5001")).toEqual({ desiredCount: "Desired tasks must be at most 5,000." });
  });

  it("refuses a fraction, and never reads an empty field, null or true as a count", () => {
    expect(desired("2.5")).toEqual({ desiredCount: "Desired tasks must be a whole number." });
    for (const notANumber of ["", "   ", "four", null, true, undefined, [], {}, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(desired(notANumber), String(notANumber)).toEqual({ desiredCount: "Desired tasks must be a number." });
    }
  });
});

describe("forceNewDeploymentInput", () => {
  it("needs a cluster and a service", () => {
    expect(errorsOf(forceNewDeploymentInput, { cluster: "demo", service: "api" })).toBeUndefined();
    expect(errorsOf(forceNewDeploymentInput, { cluster: "demo" })).toEqual({ service: "Give the service name." });
  });
});

describe("stopTaskInput", () => {
  const stop = (task: unknown, reason?: unknown) => errorsOf(stopTaskInput, { cluster: "demo", task, reason });
  const message = "Give a task id (32 hex digits) or a task ARN.";

  it("takes a task id, or a task ARN with or without its cluster", () => {
    expect(stop(TASK_ID)).toBeUndefined();
    expect(stop(`${ACCOUNT_ARN}:task/demo/${TASK_ID}`)).toBeUndefined();
    expect(stop(`${ACCOUNT_ARN}:task/${TASK_ID}`)).toBeUndefined();
    expect(stop(`arn:aws-cn:ecs:cn-north-1:000000000000:task/demo/${TASK_ID}`)).toBeUndefined();
  });

  it("refuses anything else that could be taken for a task", () => {
    for (const bad of [TASK_ID.slice(1), `${TASK_ID}0`, TASK_ID.toUpperCase(), "", "web", `${ACCOUNT_ARN}:service/demo/web`, `${ACCOUNT_ARN}:task/demo/${TASK_ID}/x`, 42, undefined]) {
      expect(stop(bad), String(bad)).toEqual({ task: message });
    }
  });

  it("takes a reason of up to 255 characters, or none", () => {
    expect(stop(TASK_ID, "x".repeat(255))).toBeUndefined();
    expect(stop(TASK_ID, undefined)).toBeUndefined();
    expect(stop(TASK_ID, "x".repeat(256))).toEqual({ reason: "ECS keeps at most 255 characters of a stop reason." });
  });
});

describe("runTaskInput", () => {
  const base = { cluster: "demo", taskDefinition: "web:7", count: 1, capacityProviderStrategy: [] };
  const run = (change: Record<string, unknown>) => errorsOf(runTaskInput, { ...base, ...change });

  it("runs 1 to 10 tasks", () => {
    expect(run({ count: 1 })).toBeUndefined();
    expect(run({ count: MAX_RUN_TASK_COUNT })).toBeUndefined();
    expect(run({ count: 0 })).toEqual({ count: "Count must be at least 1." });
    expect(run({ count: 11 })).toEqual({ count: "Count must be at most 10." });
  });

  it("takes a task definition as family:revision, a family or an ARN", () => {
    for (const good of ["web:7", "web", "web_app-2:123", `${ACCOUNT_ARN}:task-definition/web:7`]) expect(run({ taskDefinition: good }), good).toBeUndefined();
    const message = "A task definition is family:revision (web:7), a family, or an ARN.";
    for (const bad of ["web:0", "web:latest", "web:07", "web 7", `${ACCOUNT_ARN}:task-definition/web`]) {
      expect(run({ taskDefinition: bad }), bad).toEqual({ taskDefinition: message });
    }
    expect(run({ taskDefinition: "" })).toEqual({ taskDefinition: "Pick a task definition." });
  });

  it("takes a weight of 0 to 1,000 and a base of 0 to 100,000", () => {
    const item = (weight: unknown, baseCount: unknown) => run({ capacityProviderStrategy: [{ capacityProvider: "FARGATE", weight, base: baseCount }] });
    expect(item(1, 0)).toBeUndefined();
    expect(item(1000, 100_000)).toBeUndefined();
    expect(item(-1, 0)).toEqual({ "capacityProviderStrategy.0.weight": "Weight must be at least 0." });
    expect(item(1001, 0)).toEqual({ "capacityProviderStrategy.0.weight": "Weight must be at most 1,000." });
    expect(item(1, -1)).toEqual({ "capacityProviderStrategy.0.base": "Base must be at least 0." });
    expect(item(1, 100_001)).toEqual({ "capacityProviderStrategy.0.base": "Base must be at most 100,000." });
    expect(item("", 0)).toEqual({ "capacityProviderStrategy.0.weight": "Weight must be a number." });
  });

  it("names a provider twice, a second base and all weights zero at the item concerned", () => {
    const strategy = (...items: [string, number, number][]) =>
      run({ capacityProviderStrategy: items.map(([capacityProvider, weight, baseCount]) => ({ capacityProvider, weight, base: baseCount })) });
    expect(strategy(["FARGATE", 1, 0], ["FARGATE", 1, 0])).toEqual({ "capacityProviderStrategy.1.capacityProvider": "FARGATE is in the strategy twice." });
    expect(strategy(["FARGATE", 1, 2], ["FARGATE_SPOT", 1, 3])).toEqual({ "capacityProviderStrategy.1.base": "Only one capacity provider in a strategy can have a base." });
    expect(strategy(["FARGATE", 1, 2], ["FARGATE_SPOT", 1, 0])).toBeUndefined();
    expect(strategy(["FARGATE", 0, 0], ["FARGATE_SPOT", 0, 0])).toEqual({ "capacityProviderStrategy.0.weight": "At least one capacity provider needs a weight above 0." });
    expect(strategy(["FARGATE", 0, 1], ["FARGATE_SPOT", 1, 0])).toBeUndefined();
    expect(strategy(["", 1, 0])).toEqual({ "capacityProviderStrategy.0.capacityProvider": "Pick a capacity provider." });
  });

  it("takes awsvpc subnets and security groups in their id formats, within ECS's counts", () => {
    const network = (subnets: string[], securityGroups: string[] = []) => run({ network: { subnets, securityGroups, assignPublicIp: "DISABLED" } });
    expect(network(["subnet-0a1b2c3d", "subnet-0a1f3c5e7b9d24681"], ["sg-0a1b2c3d", "sg-0c3d5e7f9a1b24680"])).toBeUndefined();
    expect(network([])).toEqual({ "network.subnets": "Tasks in awsvpc mode need at least one subnet." });
    expect(network(Array.from({ length: 16 }, () => "subnet-0a1b2c3d"))).toBeUndefined();
    expect(network(Array.from({ length: 17 }, () => "subnet-0a1b2c3d"))).toEqual({ "network.subnets": "At most 16 subnets." });
    for (const bad of ["subnet-0a1b2c3", "subnet-0a1b2c3d4e5f607182", "subnet-0A1B2C3D", "sg-0a1b2c3d", "0a1b2c3d"]) {
      expect(network([bad]), bad).toEqual({ "network.subnets.0": "Subnet ids look like subnet-0a1b2c3d." });
    }
    expect(network(["subnet-0a1b2c3d"], ["subnet-0a1b2c3d"])).toEqual({ "network.securityGroups.0": "Security group ids look like sg-0a1b2c3d." });
    expect(network(["subnet-0a1b2c3d"], Array.from({ length: 6 }, () => "sg-0a1b2c3d"))).toEqual({ "network.securityGroups": "At most 5 security groups." });
    expect(run({ network: { subnets: ["subnet-0a1b2c3d"], securityGroups: [], assignPublicIp: "YES" } })).toHaveProperty(["network.assignPublicIp"]);
  });

  it("takes a group of letters, digits, hyphens, underscores and colons, up to 255", () => {
    expect(run({ group: "service:web" })).toBeUndefined();
    expect(run({ group: "batch job" })).toEqual({ group: "A group is letters, digits, hyphens, underscores and colons." });
    expect(run({ group: "g".repeat(256) })).toEqual({ group: "A group is at most 255 characters." });
  });
});

describe("createClusterInput", () => {
  const base = {
    clusterName: "shop",
    capacityProviders: ["FARGATE", "FARGATE_SPOT"],
    defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 1, base: 0 }],
    containerInsights: false,
  };
  const create = (change: Record<string, unknown>) => errorsOf(createClusterInput, { ...base, ...change });

  it("takes a name, the Fargate providers, a strategy among them and Container Insights", () => {
    expect(create({})).toBeUndefined();
    expect(create({ capacityProviders: [], defaultCapacityProviderStrategy: [] })).toBeUndefined();
  });

  it("refuses a strategy provider that is not among the cluster's providers, at that item", () => {
    expect(create({ capacityProviders: ["FARGATE"], defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 1, base: 0 }] })).toEqual({
      "defaultCapacityProviderStrategy.0.capacityProvider": "FARGATE_SPOT is not one of the cluster's capacity providers.",
    });
  });

  it("refuses a provider listed twice, and one Fargate does not have", () => {
    expect(create({ capacityProviders: ["FARGATE", "FARGATE"] })).toEqual({ capacityProviders: "Each capacity provider can be listed once." });
    expect(create({ capacityProviders: ["EC2"], defaultCapacityProviderStrategy: [] })).toEqual({ "capacityProviders.0": "A capacity provider is FARGATE or FARGATE_SPOT." });
  });

  it("refuses a name with characters a cluster name cannot have", () => {
    const message = "A cluster name is 1–255 letters, digits, hyphens or underscores.";
    for (const bad of ["", "my shop", "shop.prod", "a".repeat(256), `${ACCOUNT_ARN}:cluster/shop`]) {
      expect(create({ clusterName: bad }), bad).toEqual({ clusterName: message });
    }
  });

  it("reports a strategy's mistakes at the item's fields, with the cluster's own rules too", () => {
    expect(
      create({
        defaultCapacityProviderStrategy: [
          { capacityProvider: "FARGATE", weight: 1001, base: 1 },
          { capacityProvider: "FARGATE_SPOT", weight: 1, base: 2 },
        ],
      }),
    ).toEqual({
      "defaultCapacityProviderStrategy.0.weight": "Weight must be at most 1,000.",
      "defaultCapacityProviderStrategy.1.base": "Only one capacity provider in a strategy can have a base.",
    });
  });
});

describe("splitList", () => {
  it("splits on commas and spaces and drops empties", () => {
    expect(splitList(" subnet-a, subnet-b  subnet-c,,")).toEqual(["subnet-a", "subnet-b", "subnet-c"]);
    expect(splitList("")).toEqual([]);
  });
});

/** A small seeded generator, so a failure names inputs that can be replayed. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T,>(values: readonly T[]): T => values[Math.floor(next() * values.length)];
  return { next, pick };
}

const JUNK: readonly unknown[] = [
  undefined,
  null,
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -0,
  2 ** 53,
  "",
  " ",
  "0",
  "1e3",
  "0x10",
  "-5",
  "FARGATE",
  "web:7",
  TASK_ID,
  "x".repeat(300),
  "\u0000",
  "🙂",
  true,
  false,
  [],
  [null],
  [{}],
  {},
  { capacityProvider: null },
  { capacityProvider: "FARGATE", weight: "a", base: null },
  10n,
  Symbol("junk"),
  () => 1,
  new Date(0),
  Object.create(null),
];

function mutate(value: unknown, random: ReturnType<typeof generator>, depth = 0): unknown {
  if (depth > 3 || random.next() < 0.2) return random.pick(JUNK);
  if (Array.isArray(value)) {
    const items = value.map((item) => (random.next() < 0.5 ? mutate(item, random, depth + 1) : item));
    if (random.next() < 0.3) items.push(random.pick(JUNK));
    return items;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).flatMap(([key, field]) => {
      const roll = random.next();
      if (roll < 0.1) return [];
      return [[key, roll < 0.6 ? mutate(field, random, depth + 1) : field]];
    });
    if (random.next() < 0.1) entries.push(["extra", random.pick(JUNK)]);
    return Object.fromEntries(entries);
  }
  return random.pick(JUNK);
}

describe("malformed input", () => {
  const valid: [string, z.ZodType, unknown][] = [
    ["scaleServiceInput", scaleServiceInput, { cluster: "demo", service: "web", desiredCount: "3" }],
    ["forceNewDeploymentInput", forceNewDeploymentInput, { cluster: "demo", service: "web" }],
    ["stopTaskInput", stopTaskInput, { cluster: "demo", task: TASK_ID, reason: "because" }],
    [
      "runTaskInput",
      runTaskInput,
      {
        cluster: "demo",
        taskDefinition: "web:7",
        count: 2,
        capacityProviderStrategy: [
          { capacityProvider: "FARGATE", weight: 1, base: 1 },
          { capacityProvider: "FARGATE_SPOT", weight: 3, base: 0 },
        ],
        network: { subnets: ["subnet-0a1b2c3d"], securityGroups: ["sg-0a1b2c3d"], assignPublicIp: "DISABLED" },
        group: "batch",
      },
    ],
    [
      "createClusterInput",
      createClusterInput,
      {
        clusterName: "shop",
        capacityProviders: ["FARGATE", "FARGATE_SPOT"],
        defaultCapacityProviderStrategy: [
          { capacityProvider: "FARGATE", weight: 1, base: 1 },
          { capacityProvider: "FARGATE_SPOT", weight: 3, base: 0 },
        ],
        containerInsights: true,
      },
    ],
  ];

  it.each(valid)("%s: the untouched input passes", (_name, schema, input) => {
    expect(schema.safeParse(input).success).toBe(true);
  });

  it.each(valid)("%s: 2,000 generated malformed inputs never throw, and what passes is well-formed", (name, schema, input) => {
    const random = generator(name.length * 7919);
    let refused = 0;
    for (let i = 0; i < 2_000; i++) {
      const candidate = mutate(input, random);
      let parsed: ReturnType<typeof schema.safeParse>;
      try {
        parsed = schema.safeParse(candidate);
      } catch (error) {
        throw new Error(`${name} threw on input #${i}: ${String(error)}`);
      }
      if (!parsed.success) {
        refused++;
        for (const issue of parsed.error.issues) expect(typeof issue.message).toBe("string");
        continue;
      }
      // Whatever passes is what ECS could take: whole numbers, strings where strings go.
      const output = parsed.data as Record<string, unknown>;
      for (const key of ["desiredCount", "count"]) if (key in output) expect(Number.isInteger(output[key])).toBe(true);
      for (const key of ["cluster", "service", "task", "taskDefinition", "clusterName"]) if (key in output) expect(typeof output[key]).toBe("string");
      const strategy = (output.capacityProviderStrategy ?? output.defaultCapacityProviderStrategy ?? []) as { weight: unknown; base: unknown }[];
      for (const item of strategy) expect(Number.isInteger(item.weight) && Number.isInteger(item.base)).toBe(true);
    }
    expect(refused).toBeGreaterThan(1_000);
  });
});

describe("isTaskDefinitionReference", () => {
  it("agrees with the schema, which forms check only on submit", () => {
    for (const value of ["web", "web:7", " web:7 ", "arn:aws:ecs:us-east-1:000000000000:task-definition/web:7", "web:0", "web:", "a/b", "", "arn:aws:ecs:us-east-1:1:task-definition/web"]) {
      expect(isTaskDefinitionReference(value)).toBe(taskDefinitionRef.safeParse(value).success);
    }
  });
});
