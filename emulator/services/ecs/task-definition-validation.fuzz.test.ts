import type { RegisterTaskDefinitionCommandInput } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { AwsError } from "../../protocols/aws-error";
import { validateTags } from "./tag-store";
import { buildTaskDefinition } from "./task-definition-defaults";
import { validateRegisterTaskDefinition } from "./task-definition-validation";
import { seededRandom } from "../../test/seeded-random";

/**
 * Validation must answer any decoded JSON with an AWS error (a 400), never a crash (a 500).
 * A valid definition is mutated at random depths into wrong types and values, deterministically.
 */
describe("a generated batch of malformed inputs", () => {
  const BAD_VALUES: unknown[] = [
    null, 0, -1, 1.5, 65536, 1e21, "", " ", "x", "é∆🙂", "a".repeat(300), true, false, [], [null], [1, "a"], {},
    { nested: { deeper: [] } }, "CMD", "awsvpc", "FARGATE", "0.25 vCPU", "1GB", "ACTIVE", "__proto__", -0, 2 ** 53,
  ];

  const valid = (): RegisterTaskDefinitionCommandInput => ({
    family: "shop",
    taskRoleArn: "arn:aws:iam::000000000000:role/task",
    executionRoleArn: "arn:aws:iam::000000000000:role/exec",
    networkMode: "awsvpc",
    requiresCompatibilities: ["FARGATE"],
    cpu: "1 vCPU",
    memory: "2 GB",
    runtimePlatform: { cpuArchitecture: "ARM64", operatingSystemFamily: "LINUX" },
    volumes: [{ name: "cache" }],
    tags: [{ key: "team", value: "shop" }],
    containerDefinitions: [
      {
        name: "app",
        image: "000000000000.dkr.ecr.us-east-1.amazonaws.com/shop:1",
        cpu: 512,
        memory: 1024,
        memoryReservation: 512,
        essential: true,
        portMappings: [{ containerPort: 8080, name: "http", appProtocol: "http" }],
        environment: [{ name: "MODE", value: "prod" }],
        secrets: [{ name: "DB", valueFrom: "arn:aws:secretsmanager:us-east-1:000000000000:secret:db" }],
        command: ["node", "server.js"],
        healthCheck: { command: ["CMD-SHELL", "curl -f http://localhost:8080/health"], interval: 10 },
        logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/shop" } },
        mountPoints: [{ sourceVolume: "cache", containerPath: "/cache" }],
        dependsOn: [{ containerName: "proxy", condition: "HEALTHY" }],
        stopTimeout: 30,
      },
      {
        name: "proxy",
        image: "envoyproxy/envoy:v1.31",
        essential: false,
        memoryReservation: 128,
        portMappings: [{ containerPort: 9901, protocol: "tcp" }],
        healthCheck: { command: ["CMD", "true"] },
      },
    ],
  });

  type Container = Record<string, unknown> | unknown[];

  /** Every [container, key] pair in the document, so any member at any depth can be mutated. */
  function slots(node: unknown, out: Array<[Container, string | number]> = []): Array<[Container, string | number]> {
    if (Array.isArray(node)) {
      node.forEach((child, index) => {
        out.push([node, index]);
        slots(child, out);
      });
    } else if (node !== null && typeof node === "object") {
      for (const [key, child] of Object.entries(node)) {
        out.push([node as Record<string, unknown>, key]);
        slots(child, out);
      }
    }
    return out;
  }

  function mutate(next: () => number): unknown {
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    if (next() < 0.03) return pick(BAD_VALUES);
    const document: unknown = valid();
    const mutations = 1 + Math.floor(next() * 3);
    for (let i = 0; i < mutations; i++) {
      const [container, key] = pick(slots(document));
      const action = next();
      if (action < 0.15 && !Array.isArray(container)) delete container[key as string];
      else if (action < 0.25 && Array.isArray(container)) container.push(pick(BAD_VALUES));
      else (container as Record<string | number, unknown>)[key] = structuredClone(pick(BAD_VALUES));
    }
    // Inputs reach validation as decoded JSON, so the batch goes through JSON too.
    return JSON.parse(JSON.stringify(document));
  }

  it("rejects 1,200 mutated definitions only with AWS errors that explain themselves", () => {
    const next = seededRandom(20_241_126);
    const offenders: string[] = [];
    let rejected = 0;
    for (let index = 0; index < 1200; index++) {
      const input = mutate(next);
      try {
        const validated = validateRegisterTaskDefinition(input);
        validateTags(validated.request.tags);
        const registration = { taskDefinitionArn: "arn", revision: 1, registeredAt: new Date(0), registeredBy: "root" };
        JSON.stringify(buildTaskDefinition(validated, registration));
      } catch (error) {
        rejected++;
        const ok = error instanceof AwsError && error.statusCode === 400 && error.message.trim().length > 0;
        if (!ok) offenders.push(`#${index}: ${String(error)} for ${JSON.stringify(input).slice(0, 300)}`);
      }
    }
    expect(offenders).toEqual([]);
    // The batch must exercise both outcomes, or it proves nothing.
    expect(rejected).toBeGreaterThan(600);
    expect(rejected).toBeLessThan(1200);
  });
});
