import { RegisterTaskDefinitionCommand, type RegisterTaskDefinitionCommandInput } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../emulator/test/harness";
import { validTaskDefinition } from "./fixtures";
import { malformedTaskDefinition, seededRandom } from "./malformed-inputs.fixture";
import { validateTaskDefinition } from "./validation";

/**
 * What the editor refuses, ECS refuses too, and what it accepts, ECS accepts: checked against
 * local ECS for a sample of the generated inputs and for valid variations.
 */
let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(async () => {
  await local?.stop();
});

type Outcome = "accepted" | "rejected" | "client error";

async function register(input: unknown): Promise<Outcome> {
  try {
    await local.ecs.send(new RegisterTaskDefinitionCommand(input as RegisterTaskDefinitionCommandInput));
    return "accepted";
  } catch (error) {
    const name = (error as { name?: string }).name;
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 400 && (name === "ClientException" || name === "InvalidParameterException")) return "rejected";
    return "client error";
  }
}

/**
 * Rules ECS documents that local ECS does not enforce; the editor keeps them. A disagreement is
 * allowed only when every error the editor gives is under one of these.
 */
const STRICTER_THAN_LOCAL_ECS = [
  /^(taskRoleArn|executionRoleArn)$/, // IAM role ARN shape
  /\.secrets\.\d+\.valueFrom$/, // an ARN or SSM parameter name
  /\.image$/, // at most 255 characters, no whitespace
  /\.environment\.\d+\.name$/, // unique variable names in a container
  /\.healthCheck\.command$/, // CMD or CMD-SHELL, not NONE
];

describe("agreement with local ECS", () => {
  it("refuses and accepts the same inputs for a sample of 100 malformed ones", async () => {
    const random = seededRandom(6_000_006);
    const disagreements: string[] = [];
    const gaps: string[] = [];
    for (let index = 0; index < 100; index++) {
      const input = malformedTaskDefinition(random);
      const ours = validateTaskDefinition(input);
      const theirs = await register(input);
      const expected: Outcome = ours.ok ? "accepted" : "rejected";
      if (theirs === expected) continue;
      const paths = ours.ok ? [] : Object.keys(ours.fieldErrors);
      const known = paths.length > 0 && paths.every((path) => STRICTER_THAN_LOCAL_ECS.some((rule) => rule.test(path)));
      (known ? gaps : disagreements).push(`#${index} lib ${ours.ok ? "accepts" : JSON.stringify(ours.fieldErrors)}, local ECS ${theirs}: ${JSON.stringify(input).slice(0, 300)}`);
    }
    if (gaps.length > 0) console.info(`Rules local ECS does not enforce:\n${gaps.join("\n")}`);
    expect(disagreements).toEqual([]);
  });

  it("accepts what the editor accepts", async () => {
    const variations: unknown[] = [
      validTaskDefinition(),
      { ...validTaskDefinition(), cpu: "0.25 vCPU", memory: "0.5 GB", containerDefinitions: [{ name: "a", image: "x:1" }] },
      { family: "ec2", requiresCompatibilities: ["EC2"], containerDefinitions: [{ name: "a", image: "x:1", memory: 6, portMappings: [{ containerPort: 80, hostPort: 0 }] }] },
      { family: "host", networkMode: "host", containerDefinitions: [{ name: "a", image: "x:1", memoryReservation: 64, portMappings: [{ containerPort: 80, hostPort: 80 }] }] },
    ];
    for (const input of variations) {
      expect(validateTaskDefinition(input).ok).toBe(true);
      expect(await register(input)).toBe("accepted");
    }
  });
});
