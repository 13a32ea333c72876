import { DeregisterTaskDefinitionCommand, UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeServiceDeployment, registerWebApp, waitFor } from "@/emulator/test/fixtures";
import { MASK } from "@/lib/secrets/mask";
import { SHOP, startDeployShop, type DeployShop } from "@/server/actions/deploy-service-shop";
import { CONNECTION, measureEachTestAgainst } from "@/server/aws/test-local-ecs";
import { readDeployCandidate, readDeployContext } from "./deploy-context";

describe("readDeployContext", () => {
  let local: DeployShop;
  beforeAll(async () => {
    local = await startDeployShop();
    await local.addShiftingService("shop-web", [{ name: "SESSION_SECRET", value: "hide-me-4e7a" }]);
    await local.addPlainService("worker");
    // Revisions 2 and 3 of shop-web (2 deregistered), and a longer family the prefix also matches.
    await registerWebApp(local.ecs, "shop-web", "public.ecr.aws/slipway/shop-web:1.1.0");
    await registerWebApp(local.ecs, "shop-web", "public.ecr.aws/slipway/shop-web:1.2.0");
    await local.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: "shop-web:2" }));
    await registerWebApp(local.ecs, "shop-web-admin", "public.ecr.aws/slipway/admin:1.0.0");
  }, 120_000);
  afterAll(() => local.stop());
  measureEachTestAgainst(() => local);

  const read = (service: string, canSeeSecrets = false) => readDeployContext(CONNECTION, SHOP, service, { canSeeSecrets });

  it("gives the service, its current revision masked, the family's active revisions newest first, and every strategy available, in 3 calls", async () => {
    const context = await read("shop-web");
    if (!context.ok) throw new Error(JSON.stringify(context.error));
    const { service, current, revisions, ongoing, availability } = context.value;
    expect(service.serviceName).toBe("shop-web");
    expect(current.label).toBe("shop-web:1");
    expect(current.registration.containerDefinitions?.[0].environment).toContainEqual({ name: "SESSION_SECRET", value: MASK });
    expect(revisions).toEqual({
      ok: true,
      value: [
        expect.objectContaining({ label: "shop-web:3", current: false }),
        expect.objectContaining({ label: "shop-web:1", current: true }),
      ],
    });
    expect(ongoing).toEqual({ ok: true, value: undefined });
    expect(availability.map((entry) => [entry.kind, entry.available])).toEqual([["rolling", true], ["blueGreen", true], ["linear", true], ["canary", true]]);
    expect(local.calls("DescribeServices")).toBe(1);
    expect(local.calls("DescribeTaskDefinition")).toBe(1);
    expect(local.calls("ListTaskDefinitions")).toBe(1);
    expect(local.calls("DescribeServiceDeployments")).toBe(0);
  });

  it("shows secrets to someone who may see them", async () => {
    const context = await read("shop-web", true);
    expect(context.ok && context.value.current.registration.containerDefinitions?.[0].environment).toContainEqual({ name: "SESSION_SECRET", value: "hide-me-4e7a" });
  });

  it("says why a service without a load balancer cannot shift traffic", async () => {
    const context = await read("worker");
    if (!context.ok) throw new Error(JSON.stringify(context.error));
    const canary = context.value.availability.find((entry) => entry.kind === "canary");
    expect(canary).toMatchObject({ available: false, missing: [{ what: "load-balancer", message: expect.stringContaining("Needs a load balancer") }] });
    expect(context.value.availability.find((entry) => entry.kind === "rolling")?.available).toBe(true);
  });

  it("describes the deployment in progress, with one more call", async () => {
    await local.ecs.send(new UpdateServiceCommand({ cluster: SHOP, service: "worker", forceNewDeployment: true }));
    local.resetCalls();
    const context = await read("worker");
    if (!context.ok) throw new Error(JSON.stringify(context.error));
    expect(context.value.ongoing).toMatchObject({ ok: true, value: { id: expect.any(String), targetRevision: "worker:1" } });
    expect(local.calls("DescribeServiceDeployments")).toBe(1);
  });

  it("takes the revision serving production as the baseline while a canary waits before its first traffic", async () => {
    await local.addShiftingService("paused-web");
    const canary = await registerWebApp(local.ecs, "paused-web", "public.ecr.aws/slipway/paused-web:2.0.0");
    const { service } = await local.ecs.send(
      new UpdateServiceCommand({
        cluster: SHOP,
        service: "paused-web",
        taskDefinition: canary,
        deploymentConfiguration: {
          strategy: "CANARY",
          canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 1 },
          lifecycleHooks: [{ targetType: "PAUSE", lifecycleStages: ["PRE_PRODUCTION_TRAFFIC_SHIFT"], timeoutConfiguration: { timeoutInMinutes: 60, action: "ROLLBACK" } }],
        },
      }),
    );
    await waitFor("the canary to pause", async () => {
      const deployment = await describeServiceDeployment(local.ecs, service!.currentServiceDeployment!);
      return deployment.lifecycleHookDetails?.some((hook) => hook.status === "AWAITING_ACTION") ? true : undefined;
    });
    local.resetCalls();
    const context = await read("paused-web");
    if (!context.ok) throw new Error(JSON.stringify(context.error));
    expect(context.value.current.label).toBe("paused-web:1");
    expect(context.value.ongoing).toMatchObject({ ok: true, value: { targetRevision: "paused-web:2" } });
    expect(local.calls("DescribeServiceDeployments")).toBe(1);
    expect(local.calls("DescribeServiceRevisions")).toBe(1);
  });

  it("answers a service that does not exist as not found", async () => {
    expect(await read("nope")).toMatchObject({ ok: false, error: { code: "not-found" } });
    expect(await readDeployContext(CONNECTION, "no-such-cluster", "web", { canSeeSecrets: false })).toMatchObject({ ok: false, error: { code: "not-found" } });
  });

  it("compares the running revision with a chosen one, masked, and gives the chosen one's images, in 2 calls", async () => {
    const candidate = await readDeployCandidate(CONNECTION, "shop-web:1", "shop-web:3", { canSeeSecrets: false });
    expect(candidate.containers).toEqual([{ name: "app", image: "public.ecr.aws/slipway/shop-web:1.2.0" }]);
    const labels = candidate.comparison.diff?.changes.map((change) => change.label) ?? [];
    expect(labels).toContain("Container app › image");
    expect(JSON.stringify(candidate.comparison)).not.toContain("hide-me-4e7a");
    expect(local.calls("DescribeTaskDefinition")).toBe(2);
  });
});
