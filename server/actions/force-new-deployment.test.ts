import { DescribeServiceDeploymentsCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeService } from "@/emulator/test/fixtures";
import { measureEachTestAgainst, type CountedLocalEcs } from "@/server/aws/test-local-ecs";
import { forceNewDeployment } from "./force-new-deployment";
import { startShop } from "./test-shop";

describe("forceNewDeployment", () => {
  let local: CountedLocalEcs;
  beforeAll(async () => {
    local = await startShop();
  });
  afterAll(() => local.stop());
  measureEachTestAgainst(() => local);

  it("starts a new deployment of the same revision and names it", async () => {
    const before = await describeService(local.ecs, "shop", "web");

    const result = await forceNewDeployment({ cluster: "shop", service: "web" });

    if (!result.ok) throw new Error(`expected a deployment, got ${result.error.code}: ${result.error.detail}`);
    const after = await describeService(local.ecs, "shop", "web");
    const primary = after.deployments?.find((deployment) => deployment.status === "PRIMARY");
    expect(primary?.id).toMatch(/^ecs-svc\/\d+$/);
    expect(result.message).toBe(`web: a new deployment started (${primary?.id})`);
    expect(result.value.serviceDeploymentArn).toBe(after.currentServiceDeployment);
    expect(after.currentServiceDeployment).not.toBe(before.currentServiceDeployment);
    expect(primary?.taskDefinition).toBe(before.taskDefinition);

    const { serviceDeployments } = await local.ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [after.currentServiceDeployment!] }));
    expect(serviceDeployments?.[0].status).toMatch(/^(PENDING|IN_PROGRESS|SUCCESSFUL)$/);
    expect(local.calls("UpdateService")).toBe(1);
  });

  it("reports a service that does not exist as not found, with AWS's request id", async () => {
    const result = await forceNewDeployment({ cluster: "shop", service: "nope" });
    expect(result).toMatchObject({ ok: false, error: { code: "not-found", awsCode: "ServiceNotFoundException" } });
    expect(!result.ok && result.error.requestId).toBeTruthy();
  });

  it("refuses a name ECS would refuse at its field, and calls nothing", async () => {
    const result = await forceNewDeployment({ cluster: "shop", service: "web/../api" });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "invalid-input" },
      fieldErrors: { service: "A service name is 1–255 letters, digits, hyphens or underscores." },
    });
    expect(local.calls("UpdateService")).toBe(0);
  });
});
