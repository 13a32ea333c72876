import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DescribeServiceDeploymentsCommand, UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeService, registerWebApp, waitForSteadyState } from "@/emulator/test/fixtures";
import { measureEachTestAgainst, type CountedLocalEcs } from "@/server/aws/test-local-ecs";
import { queryAudit } from "@/server/audit/audit-log";
import { signInForTests } from "@/server/testing/sign-in";
import { forceNewDeployment } from "./force-new-deployment";
import { rollbackService } from "./rollback-service";
import { startShop } from "./test-shop";

describe("rollbackService", () => {
  let local: CountedLocalEcs;
  const dataDir = mkdtempSync(join(tmpdir(), "slipway-rollback-"));
  beforeAll(async () => {
    process.env.SLIPWAY_DATA_DIR = dataDir;
    local = await startShop();
    // web runs web:1; deploy web:2 so there is an earlier revision to go back to.
    const second = await registerWebApp(local.ecs, "web", "public.ecr.aws/slipway/web:2.0.0", [], { containerHealthCheck: false });
    await local.ecs.send(new UpdateServiceCommand({ cluster: "shop", service: "web", taskDefinition: second }));
    await waitForSteadyState(local.ecs, "shop", "web");
  });
  afterAll(async () => {
    await local.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  measureEachTestAgainst(() => local);

  it("starts a new deployment to the earlier revision, names it, and audits it as service.rollback", async () => {
    const result = await rollbackService({ cluster: "shop", service: "web", taskDefinition: "web:1" });

    if (!result.ok) throw new Error(`expected a rollback, got ${result.error.code}: ${result.error.message}`);
    expect(result.message).toMatch(/^web: rolling back to web:1 from web:2, with its rolling strategy \(deployment [\w-]+\)\.$/);
    const after = await describeService(local.ecs, "shop", "web");
    expect(after.taskDefinition).toMatch(/task-definition\/web:1$/);
    expect(result.value.serviceDeploymentArn).toBe(after.currentServiceDeployment);
    expect(result.value.deploymentId).toBe(after.currentServiceDeployment!.split("/").at(-1));
    const { serviceDeployments } = await local.ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [after.currentServiceDeployment!] }));
    expect(serviceDeployments?.[0].status).toMatch(/^(PENDING|IN_PROGRESS|SUCCESSFUL)$/);
    expect(local.calls("UpdateService")).toBe(1);
    expect(queryAudit({ limit: 1 }).entries[0]).toMatchObject({ action: "service.rollback", outcome: "succeeded", target: after.serviceArn });
  });

  it("refuses the revision the service already runs at its field, and changes nothing", async () => {
    const result = await rollbackService({ cluster: "shop", service: "web", taskDefinition: "web:1" });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid-input" }, fieldErrors: { taskDefinition: "web already runs web:1; redeploy it to replace its tasks." } });
    expect(local.calls("UpdateService")).toBe(0);
  });

  it("refuses a family without a revision before calling AWS", async () => {
    const result = await rollbackService({ cluster: "shop", service: "web", taskDefinition: "web" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { taskDefinition: "Pick a revision (web:4), not a family." } });
    expect(local.calls("DescribeServices") + local.calls("UpdateService")).toBe(0);
  });

  it("refuses a viewer with 403 and changes nothing", async () => {
    await signInForTests({ id: "vera", name: "Vera", roles: ["viewer"] });
    await expect(rollbackService({ cluster: "shop", service: "web", taskDefinition: "web:2" })).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
    expect(local.calls("UpdateService")).toBe(0);
  });

  it("needs operate for a redeploy too, which is audited as service.force-new-deployment", async () => {
    await signInForTests({ id: "vera", name: "Vera", roles: ["viewer"] });
    await expect(forceNewDeployment({ cluster: "shop", service: "web" })).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
    expect(queryAudit({ limit: 1 }).entries[0]).toMatchObject({ action: "service.force-new-deployment", outcome: "denied" });
    await signInForTests({ id: "dana", name: "Dana", roles: ["deployer"] });
    expect(await forceNewDeployment({ cluster: "shop", service: "web" })).toMatchObject({ ok: true });
    expect(queryAudit({ limit: 1 }).entries[0]).toMatchObject({ action: "service.force-new-deployment", outcome: "succeeded", actor: { id: "dana" } });
  });
});
