import { CreateServiceCommand, UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFargateCluster, NETWORK, registerWebApp, waitFor, waitForSteadyState } from "@/emulator/test/fixtures";
import { CONNECTION, type CountedLocalEcs, measureEachTestAgainst, startCountedLocalEcs } from "@/server/aws/test-local-ecs";
import { readServiceDetail } from "./service-detail";
import { valueOf } from "./test-account";

/** An ECS endpoint that has no service deployments, as an older partition or another emulator. */
let local: CountedLocalEcs;
let second: string;

beforeAll(async () => {
  local = await startCountedLocalEcs({ withoutEcsOperations: ["ListServiceDeployments", "DescribeServiceDeployments", "DescribeServiceRevisions"] });
  await createFargateCluster(local.ecs, "old");
  const first = await registerWebApp(local.ecs, "web", "public.ecr.aws/slipway/web:1.0.0", [], { containerHealthCheck: false });
  // Slow to start, so its deployment is still going when the page is read.
  second = await registerWebApp(local.ecs, "web", "public.ecr.aws/slipway/web:1.1.0", [{ name: "SLIPWAY_STARTUP_SECONDS", value: "3600" }], { containerHealthCheck: false });
  await local.ecs.send(new CreateServiceCommand({ cluster: "old", serviceName: "web", taskDefinition: first, desiredCount: 2, networkConfiguration: NETWORK }));
  await waitForSteadyState(local.ecs, "old", "web");
});
afterAll(() => local.stop());
measureEachTestAgainst(() => local);

describe("a service's page against an ECS without service deployments", () => {
  it("shows the deployments the service itself lists, and says what is missing, instead of an error", async () => {
    const steady = valueOf((await readServiceDetail(CONNECTION, "old", "web")).deployments);
    expect(steady.withoutServiceDeployments).toMatch(/^This ECS endpoint has no service deployments/);
    expect(steady.ongoing).toEqual([]);
    expect(steady.last).toMatchObject({ status: "SUCCESSFUL", targetRevision: { taskDefinition: { label: "web:1" } }, target: { runningTasks: 2 } });

    await local.ecs.send(new UpdateServiceCommand({ cluster: "old", service: "web", taskDefinition: second }));
    // Past the second the dashboard keeps a read.
    const deploying = await waitFor("the new deployment to show", async () => {
      const deployments = valueOf((await readServiceDetail(CONNECTION, "old", "web")).deployments);
      return deployments.ongoing.length > 0 ? deployments : undefined;
    });
    expect(deploying.ongoing[0]).toMatchObject({ status: "IN_PROGRESS", targetRevision: { taskDefinition: { label: "web:2" } }, serviceDeploymentArn: "" });
    expect(deploying.ongoing[0]!.sources.map((source) => source.revision?.taskDefinition?.label)).toEqual(["web:1"]);
  });
});
