import { DescribeServiceDeploymentsCommand, DescribeServicesCommand, DescribeTaskDefinitionCommand, type Service } from "@aws-sdk/client-ecs";
import { PutMetricAlarmCommand, SetAlarmStateCommand } from "@aws-sdk/client-cloudwatch";
import { DescribeRulesCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DeployWizard } from "./pages/deploy-wizard";
import { storageStateOf } from "./people";
import { RolloutDecisions } from "./pages/rollout-decisions";
import { createScratchServiceBehindLoadBalancer, createSlowStartingService, localCloudWatch, localEcs, localElb, scratchName } from "./scratch";

/**
 * The deploy wizard, clicked through as a person would. Deploys run on scratch services behind
 * load balancers of their own (so every strategy can be picked); what a deploy did is read back
 * from local ECS. The demo's own services are only looked at: nothing is deployed to them.
 */

async function describe(cluster: string): Promise<Service> {
  const { services } = await localEcs().send(new DescribeServicesCommand({ cluster, services: ["web"] }));
  return services![0];
}

/** Through steps 1–3 with the chosen settings, then review and deploy; returns the wizard at the rollout page. */
async function deployThrough(page: Page, cluster: string, source: (wizard: DeployWizard) => Promise<void>, strategy: (wizard: DeployWizard) => Promise<void>) {
  const wizard = new DeployWizard(page);
  await wizard.open(cluster, "web");
  await expect(wizard.heading).toHaveText("Deploy web");
  await expect(wizard.currentStep).toContainText("Target");
  await expect(page.getByText(cluster, { exact: true }).first()).toBeVisible();
  await wizard.nextTo("What to deploy");
  await source(wizard);
  await wizard.nextTo("Strategy");
  await strategy(wizard);
  await wizard.nextTo("Review");
  await expect(wizard.review("Deployment configuration").getByRole("table")).toBeVisible();
  await expect(wizard.review("Planned production traffic")).toContainText(/Estimated duration: /);
  // Nothing on the review widens the page beyond the screen: wide tables scroll inside their own box.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
  await wizard.nextTo("Deploy");
  await wizard.deployButton.click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${cluster}/services/web/deployments/[A-Za-z0-9-]+$`), { timeout: 20_000 });
  return page.url().split("/").pop()!;
}

async function deploymentCalled(cluster: string, id: string) {
  const service = await describe(cluster);
  expect(service.currentServiceDeployment?.endsWith(`/${id}`)).toBe(true);
  const { serviceDeployments } = await localEcs().send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [service.currentServiceDeployment!] }));
  return { service, deployment: serviceDeployments![0] };
}

test.describe("deploying with each strategy", () => {
  // Each test boots its own service behind the load balancer and waits for it; deploys then run in ECS.
  test.setTimeout(120_000);

  test("rolling: new image tags register a revision with its note, and roll with the chosen percents", async ({ page }, testInfo) => {
    const cluster = scratchName("deploy-rolling", testInfo);
    await createScratchServiceBehindLoadBalancer(localEcs(), cluster);
    const id = await deployThrough(
      page,
      cluster,
      (wizard) => wizard.newImage("web", "public.ecr.aws/slipway/web:1.5.0", "Search in the header"),
      async (wizard) => {
        await wizard.strategy("Rolling").check();
        await wizard.field("Minimum healthy percent (%)").fill("50");
        await wizard.field("Maximum percent (%)").fill("150");
      },
    );
    const { service, deployment } = await deploymentCalled(cluster, id);
    expect(service.deploymentConfiguration).toMatchObject({ strategy: "ROLLING", minimumHealthyPercent: 50, maximumPercent: 150 });
    expect(deployment.deploymentConfiguration?.strategy).toBe("ROLLING");
    const { taskDefinition, tags } = await localEcs().send(new DescribeTaskDefinitionCommand({ taskDefinition: service.taskDefinition, include: ["TAGS"] }));
    expect(taskDefinition?.containerDefinitions?.[0].image).toBe("public.ecr.aws/slipway/web:1.5.0");
    expect(tags).toContainEqual({ key: "slipway:change-note", value: "Search in the header" });
  });

  test("blue/green: an existing revision with the chosen bake time", async ({ page }, testInfo) => {
    const cluster = scratchName("deploy-bluegreen", testInfo);
    await createScratchServiceBehindLoadBalancer(localEcs(), cluster);
    const id = await deployThrough(
      page,
      cluster,
      async (wizard) => {
        await expect(wizard.field("Revision")).toBeVisible();
        await expect(wizard.page.getByRole("option", { name: /\(current\)$/ })).toHaveCount(1);
      },
      async (wizard) => {
        await wizard.strategy("Blue/green").check();
        await wizard.field("Bake time (minutes)").fill("3");
      },
    );
    const { service, deployment } = await deploymentCalled(cluster, id);
    expect(service.deploymentConfiguration).toMatchObject({ strategy: "BLUE_GREEN", bakeTimeInMinutes: 3 });
    expect(deployment.deploymentConfiguration).toMatchObject({ strategy: "BLUE_GREEN", bakeTimeInMinutes: 3 });
  });

  test("linear: the chosen step and step bake time", async ({ page }, testInfo) => {
    const cluster = scratchName("deploy-linear", testInfo);
    await createScratchServiceBehindLoadBalancer(localEcs(), cluster);
    const id = await deployThrough(
      page,
      cluster,
      (wizard) => wizard.newImage("web", "public.ecr.aws/slipway/web:1.5.1"),
      async (wizard) => {
        await wizard.strategy("Linear").check();
        await wizard.field("Step (%)").fill("25");
        await wizard.field("Step bake time (minutes)").fill("2");
      },
    );
    const { service } = await deploymentCalled(cluster, id);
    expect(service.deploymentConfiguration).toMatchObject({ strategy: "LINEAR", linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 2 } });
  });

  test("canary: the chosen share and bake time, waiting for approval before promotion", async ({ page }, testInfo) => {
    const cluster = scratchName("deploy-canary", testInfo);
    await createScratchServiceBehindLoadBalancer(localEcs(), cluster);
    const id = await deployThrough(
      page,
      cluster,
      (wizard) => wizard.newImage("web", "public.ecr.aws/slipway/web:1.6.0"),
      async (wizard) => {
        await wizard.strategy("Canary").check();
        await wizard.field("Canary traffic (%)").fill("20");
        await wizard.field("Canary bake time (minutes)").fill("4");
        await wizard.page.getByRole("checkbox", { name: "Wait for approval before moving on" }).check();
        await wizard.field("Timeout (minutes)").fill("120");
      },
    );
    const { service, deployment } = await deploymentCalled(cluster, id);
    expect(service.deploymentConfiguration).toMatchObject({
      strategy: "CANARY",
      canaryConfiguration: { canaryPercent: 20, canaryBakeTimeInMinutes: 4 },
      lifecycleHooks: [{ targetType: "PAUSE", lifecycleStages: ["PRE_PRODUCTION_TRAFFIC_SHIFT"], timeoutConfiguration: { timeoutInMinutes: 120, action: "ROLLBACK" } }],
    });
    expect(deployment.deploymentConfiguration?.canaryConfiguration?.canaryPercent).toBe(20);
  });
});

test("a rolling service behind a load balancer is moved to canary by the wizard, which sets up traffic shifting from the load balancer's lists", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const cluster = scratchName("deploy-convert", testInfo);
  const lb = await createScratchServiceBehindLoadBalancer(localEcs(), cluster, { trafficShifting: false });
  const wizard = new DeployWizard(page);
  await wizard.open(cluster, "web");
  await wizard.nextTo("What to deploy");
  await wizard.newImage("web", "public.ecr.aws/slipway/web:1.7.0", "First canary");
  await wizard.nextTo("Strategy");
  await expect(wizard.strategy("Canary")).toBeEnabled();
  await expect(wizard.strategy("Canary")).toHaveAccessibleDescription(/Set up by this deploy: pick the alternate target group, the production listener rule and the role below\./);
  await wizard.strategy("Canary").check();
  const setup = page.getByRole("region", { name: "Traffic shifting, set up by this deploy" });
  // Prefilled from the rule that already forwards to the service's group and another.
  await expect(setup.getByLabel("Alternate target group")).toHaveValue(lb.greenArn);
  await expect(setup.getByLabel("Production listener rule")).toHaveValue(lb.productionRuleArn);
  await expect(setup.getByLabel("Role ECS uses to change the load balancer")).toHaveValue(/:role\/ecsInfrastructureRoleForLoadBalancers$/);
  await setup.getByLabel("Alternate target group").selectOption("");
  await wizard.next.click();
  await expect(setup.getByLabel("Alternate target group")).toHaveAccessibleDescription(/The alternate target group is a target group ARN/);
  await setup.getByLabel("Alternate target group").selectOption(lb.greenArn);
  await wizard.field("Canary traffic (%)").fill("10");
  await wizard.field("Canary bake time (minutes)").fill("1");
  await page.getByRole("checkbox", { name: "Wait for approval before moving on" }).check();
  await wizard.nextTo("Review");
  await expect(wizard.review("Traffic shifting set up")).toContainText(lb.greenName);
  await wizard.nextTo("Deploy");
  await wizard.deployButton.click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${cluster}/services/web/deployments/[\\w-]+$`), { timeout: 20_000 });

  const service = await describe(cluster);
  expect(service.loadBalancers?.[0]?.advancedConfiguration).toMatchObject({ alternateTargetGroupArn: lb.greenArn, productionListenerRule: lb.productionRuleArn });
  expect(service.deploymentConfiguration?.strategy).toBe("CANARY");
  // Approved, the canary's first step moves 10 % of the production rule's weight to green.
  const decisions = new RolloutDecisions(page);
  const question = /^Start sending 10 % of production traffic to scratch-web:\d+\?$/;
  await expect(decisions.panel.getByRole("heading", { level: 2 })).toHaveText(question, { timeout: 30_000 });
  await decisions.approveButton.click();
  await decisions.dialog(question).getByRole("button", { name: "Approve" }).click();
  await expect
    .poll(async () => {
      const { Rules } = await localElb().send(new DescribeRulesCommand({ RuleArns: [lb.productionRuleArn] }));
      const groups = Rules![0]!.Actions!.find((action) => action.Type === "forward")!.ForwardConfig!.TargetGroups!;
      const weight = (arn: string) => groups.find((group) => group.TargetGroupArn === arn)?.Weight ?? 0;
      return weight(lb.greenArn) / (weight(lb.blueArn) + weight(lb.greenArn));
    }, { timeout: 30_000 })
    .toBeCloseTo(0.1, 2);
});

test("a deployment that watches an alarm picked in the wizard rolls back when the alarm goes off", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const cluster = scratchName("deploy-alarm", testInfo);
  const alarm = `${cluster}-errors`;
  await createSlowStartingService(localEcs(), cluster, 1);
  await localCloudWatch().send(
    new PutMetricAlarmCommand({
      AlarmName: alarm,
      Namespace: "AWS/ApplicationELB",
      MetricName: "HTTPCode_Target_5XX_Count",
      Dimensions: [{ Name: "TargetGroup", Value: `targetgroup/${cluster}/0` }],
      Statistic: "Sum",
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 5,
      ComparisonOperator: "GreaterThanOrEqualToThreshold",
    }),
  );
  const wizard = new DeployWizard(page);
  await wizard.open(cluster, "web");
  await wizard.nextTo("What to deploy");
  await wizard.newImage("web", "public.ecr.aws/slipway/web:1.8.0", "Watched by an alarm");
  await wizard.nextTo("Strategy");
  const alarms = page.getByRole("group", { name: "Deployment alarms" });
  await alarms.getByRole("checkbox", { name: new RegExp(`^${alarm} `) }).check();
  await expect(alarms.getByRole("checkbox", { name: "Roll back when one goes into ALARM" })).toBeChecked();
  await wizard.nextTo("Review");
  await expect(wizard.review("Deployment configuration").getByRole("row", { name: new RegExp(`^Alarms None ${alarm}; rolls back`) })).toBeVisible();
  await wizard.nextTo("Deploy");
  await wizard.deployButton.click();
  // The new tasks take a while to start (5 s): the alarm goes off as soon as ECS has the deployment, while it runs, however slow the page is.
  await expect.poll(async () => (await describe(cluster)).deploymentConfiguration?.alarms, { timeout: 20_000 }).toEqual({ alarmNames: [alarm], enable: true, rollback: true });
  await localCloudWatch().send(new SetAlarmStateCommand({ AlarmName: alarm, StateValue: "ALARM", StateReason: "Errors after the deploy" }));
  await expect(page).toHaveURL(new RegExp(`/clusters/${cluster}/services/web/deployments/[\\w-]+$`), { timeout: 20_000 });
  await expect(page.getByRole("term").filter({ hasText: /^Status$/ }).locator("xpath=following-sibling::dd[1]")).toHaveText("Rolled back", { timeout: 60_000 });
  await expect(page.getByText(`CloudWatch alarm ${alarm} went into ALARM`).first()).toBeVisible();
  await expect(page.getByText(new RegExp(`^Alarms \\(tripped\\): ${alarm} — in ALARM: ${alarm}$`))).toBeVisible();
});

test("an out-of-range canary share is refused at its field, which gets the focus", async ({ page }) => {
  // The demo's api: nothing is deployed, the wizard refuses before any request.
  const wizard = new DeployWizard(page);
  await wizard.open("demo", "api");
  await wizard.nextTo("What to deploy");
  await wizard.nextTo("Strategy");
  await wizard.strategy("Canary").check();
  const share = wizard.field("Canary traffic (%)");
  await expect(share).toHaveAccessibleDescription(/0\.1–100 %, default 5 %/);
  for (const [typed, message] of [
    ["150", "Canary traffic must be at most 100 %."],
    ["0", "Canary traffic must be at least 0.1 %."],
  ]) {
    await share.fill(typed);
    await wizard.next.click();
    await expect(wizard.stepHeading).toHaveText("3. Strategy");
    await expect(share).toHaveAttribute("aria-invalid", "true");
    await expect(share).toHaveAccessibleDescription(new RegExp(message.replaceAll(".", "\\.")));
    await expect(share).toBeFocused();
  }
});

test("a service without a load balancer cannot pick canary, and the page says why", async ({ page }) => {
  const wizard = new DeployWizard(page);
  await wizard.open("demo", "worker");
  await wizard.nextTo("What to deploy");
  await wizard.nextTo("Strategy");
  for (const name of ["Blue/green", "Linear", "Canary"] as const) {
    await expect(wizard.strategy(name)).toBeDisabled();
    await expect(wizard.strategy(name)).toHaveAccessibleDescription(/Needs a load balancer: the service has no target group to shift traffic between\./);
  }
  await expect(wizard.strategy("Rolling")).toBeEnabled();
  await expect(wizard.strategy("Rolling")).toBeChecked();
});

test("the review shows the configuration change and the planned traffic, with the steps as a table", async ({ page }) => {
  const wizard = new DeployWizard(page);
  await wizard.open("demo", "api");
  await wizard.nextTo("What to deploy");
  await wizard.newImage("api", "public.ecr.aws/slipway/api:latest");
  await expect(wizard.field("Image of api")).toHaveAccessibleDescription(/:latest can point at a different image/);
  await wizard.nextTo("Strategy");
  await wizard.strategy("Linear").check();
  await wizard.field("Step (%)").fill("50");
  await wizard.nextTo("Review");
  const configuration = wizard.review("Deployment configuration").getByRole("table");
  await expect(configuration.getByRole("row", { name: /^Strategy Canary Linear/ })).toBeVisible();
  const steps = wizard.review("Planned production traffic").getByRole("table");
  await expect(steps.getByRole("row", { name: /Step 1: 50 % of production traffic/ })).toBeVisible();
  await expect(steps.getByRole("row", { name: /Step 2: 100 % of production traffic/ })).toBeVisible();
  await expect(wizard.review("Task definition")).toContainText("public.ecr.aws/slipway/api:latest");
  await expect(page.getByText(/:latest can point at a different image/).first()).toBeVisible();
  // The wizard, chart and tables included, fits a phone's width (wide tables scroll inside their own box).
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
  await wizard.back.click();
  await expect(wizard.stepHeading).toHaveText("3. Strategy");
  await expect(wizard.stepHeading).toBeFocused();
});

test("the browser's Back and Forward move between steps with every choice kept, and a reload stays on the step", async ({ page }) => {
  // The demo's api, only looked at: nothing is deployed.
  const wizard = new DeployWizard(page);
  await wizard.open("demo", "api");
  await wizard.nextTo("What to deploy");
  await wizard.newImage("api", "public.ecr.aws/slipway/api:2.0.0", "Back and forth");
  await wizard.nextTo("Strategy");
  await wizard.strategy("Linear").check();
  await wizard.field("Step (%)").fill("25");
  await wizard.nextTo("Review");
  await expect(page).toHaveURL(/\/deploy\?step=review$/);

  await page.goBack();
  await expect(wizard.stepHeading).toHaveText("3. Strategy");
  await expect(wizard.strategy("Linear")).toBeChecked();
  await expect(wizard.field("Step (%)")).toHaveValue("25");
  await page.goBack();
  await expect(wizard.stepHeading).toHaveText("2. What to deploy");
  await expect(wizard.field("Image of api")).toHaveValue("public.ecr.aws/slipway/api:2.0.0");
  await expect(wizard.field("Change note")).toHaveValue("Back and forth");

  await page.goForward();
  await expect(wizard.stepHeading).toHaveText("3. Strategy");
  await expect(wizard.field("Step (%)")).toHaveValue("25");
  await page.goForward();
  await expect(wizard.stepHeading).toHaveText("4. Review");
  await expect(wizard.review("Planned production traffic").getByRole("table").getByRole("row", { name: /Step 1: 25 % of production traffic/ })).toBeVisible();

  await page.reload();
  await expect(wizard.stepHeading).toHaveText("4. Review");
  await expect(wizard.review("Task definition")).toContainText("public.ecr.aws/slipway/api:2.0.0");
  // Each step is an entry of its own, back to the first.
  await page.goBack();
  await page.goBack();
  await page.goBack();
  await expect(wizard.stepHeading).toHaveText("1. Target");
  await expect(page).toHaveURL(/\/deploy$/);
});

test.describe("a viewer", () => {
  test.use({ storageState: storageStateOf("vera") });

  test("gets no wizard, and no Deploy on the service page", async ({ page }) => {
    const wizard = new DeployWizard(page);
    await wizard.open("demo", "web");
    await expect(page.getByText("You cannot deploy this service")).toBeVisible();
    await expect(wizard.next).toHaveCount(0);
    await page.goto("/clusters/demo/services/web");
    await expect(page.getByRole("heading", { level: 1, name: "web" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Deploy", exact: true })).toHaveCount(0);
  });
});

test("the service page links to the wizard for someone who may deploy", async ({ page }) => {
  await page.goto("/clusters/demo/services/web");
  await page.getByRole("link", { name: "Deploy", exact: true }).click();
  await expect(page).toHaveURL(/\/clusters\/demo\/services\/web\/deploy$/);
  await expect(new DeployWizard(page).heading).toHaveText("Deploy web");
});
