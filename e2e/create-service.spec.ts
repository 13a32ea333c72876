import { DeleteServiceCommand, DescribeServicesCommand, RegisterTaskDefinitionCommand, UpdateServiceCommand, type ECSClient } from "@aws-sdk/client-ecs";
import { expect, test } from "./fixtures";
import { taskDefinitionFor, WEB } from "../emulator/seed/apps";
import { ClusterPage } from "./pages/cluster-page";
import { CreateServicePage } from "./pages/create-service-page";
import { ServicePage } from "./pages/service-page";
import { storageStateOf } from "./people";
import { createScratchLoadBalancing, createScratchService, localEcs, scratchName } from "./scratch";

/**
 * Creating a service behind a load balancer by picking from lists, seeing where it answers,
 * and rolling a service back from its page. Each test has its own cluster, and the load
 * balancer, target groups and rule it picks are its own too, removed at the end.
 */
const ROLE = /^arn:aws:iam::\d{12}:role\/ecsInfrastructureRoleForLoadBalancers$/;

async function serviceOf(ecs: ECSClient, cluster: string, service: string) {
  const { services } = await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }));
  return services![0];
}

const revisionOf = (arn: string | undefined) => `scratch-web:${arn?.split(":").at(-1)}`;

test("creates a canary service behind a load balancer from lists, and shows where it answers", async ({ page }, testInfo) => {
  const cluster = scratchName("create-svc", testInfo);
  const ecs = localEcs();
  await createScratchService(ecs, cluster, "web", 1);
  const lb = await createScratchLoadBalancing(cluster);
  try {
    await new ClusterPage(page).open(cluster);
    await page.getByRole("link", { name: "Create service" }).click();
    const form = new CreateServicePage(page);
    await expect(form.heading).toBeVisible();
    await expect(page.getByText("Prefilled from service web.")).toBeVisible();

    await form.field("Service name").fill("checkout");
    await form.field("Task definition family").selectOption("scratch-web");
    await expect(form.field("Revision")).toHaveAccessibleDescription(/scratch-web:\d+ · awsvpc networking · ports web:8080/);
    await form.strategy("Canary").check();
    await form.field("Canary traffic (%)").fill("20");
    await form.pick("Target group", lb.blueName);
    await expect(form.field("Container and port")).toHaveValue("web:8080");
    await form.pick("Production listener rule", lb.hostCondition);

    // Without the alternate target group, the form says so at that field and sends nothing.
    await form.submit.click();
    await form.expectError("Alternate target group", "Pick the alternate target group the new tasks register in.");
    await expect(page.getByRole("status").filter({ hasText: "One field needs attention" })).toBeVisible();

    await form.pick("Alternate target group", lb.greenName);
    await expect(form.field("Role ECS uses to change the load balancer")).toHaveValue(ROLE);
    await form.submit.click();

    await expect(page).toHaveURL(new RegExp(`/clusters/${cluster}/services/checkout$`));
    const servicePage = new ServicePage(page);
    await expect(servicePage.heading).toHaveText("checkout");
    const balancers = servicePage.section("Load balancers");
    const answers = balancers.getByRole("region", { name: "Where it answers" });
    const address = new RegExp(`^http://${lb.loadBalancerName}-.*\\.elb\\.localhost:\\d+$`);
    const link = answers.getByRole("link", { name: address });
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute("href", address);
    await expect(answers).toContainText(`HTTP:80 on ${lb.loadBalancerName} · when ${lb.hostCondition}`);
    await expect(servicePage.targetGroup(lb.greenName)).toContainText("Alternate");

    const created = await serviceOf(ecs, cluster, "checkout");
    expect(created.loadBalancers).toEqual([
      {
        targetGroupArn: lb.blueArn,
        containerName: "web",
        containerPort: 8080,
        advancedConfiguration: { alternateTargetGroupArn: lb.greenArn, productionListenerRule: lb.productionRuleArn, roleArn: expect.stringMatching(ROLE) },
      },
    ]);
    expect(created.deploymentConfiguration).toMatchObject({ strategy: "CANARY", canaryConfiguration: { canaryPercent: 20, canaryBakeTimeInMinutes: 10 }, bakeTimeInMinutes: 5 });
  } finally {
    await ecs.send(new DeleteServiceCommand({ cluster, service: "checkout", force: true })).catch(() => undefined);
    await lb.remove();
  }
});

test("rolls a service back to its earlier revision from its page; a viewer is offered neither that nor Create service", async ({ page, browser }, testInfo) => {
  const cluster = scratchName("rollback", testInfo);
  const ecs = localEcs();
  await createScratchService(ecs, cluster, "web", 1);
  const first = (await serviceOf(ecs, cluster, "web")).taskDefinition;
  const { taskDefinition: second } = await ecs.send(new RegisterTaskDefinitionCommand({ ...taskDefinitionFor(WEB, "1.5.0-rc.1", "us-east-1"), family: "scratch-web" }));
  await ecs.send(new UpdateServiceCommand({ cluster, service: "web", taskDefinition: second!.taskDefinitionArn }));
  const earlier = revisionOf(first);
  const current = revisionOf(second!.taskDefinitionArn);

  const servicePage = new ServicePage(page);
  await servicePage.open(cluster, "web");
  const rollBack = servicePage.section("Deployments").getByRole("button", { name: `Roll back to ${earlier}` });
  await rollBack.click();
  const dialog = page.getByRole("dialog", { name: `Roll back web to ${earlier}?` });
  await expect(dialog).toContainText(`replacing the tasks of ${current}, with the service’s current strategy (Rolling)`);
  await dialog.getByRole("button", { name: `Roll back to ${earlier}` }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: `web: rolling back to ${earlier} from ${current}, with its rolling strategy (deployment ` })).toBeVisible();
  const watch = page.getByRole("link", { name: /^Watch the rollout \(/ });
  const rolledBack = await serviceOf(ecs, cluster, "web");
  expect(rolledBack.taskDefinition).toBe(first);
  const deploymentId = rolledBack.currentServiceDeployment!.split("/").at(-1)!;
  await expect(watch).toHaveAttribute("href", `/clusters/${cluster}/services/web/deployments/${deploymentId}`);

  const asViewer = await browser.newContext({ storageState: storageStateOf("vera"), viewport: page.viewportSize() ?? undefined });
  try {
    const viewerPage = await asViewer.newPage();
    const viewerService = new ServicePage(viewerPage);
    await viewerService.open(cluster, "web");
    await expect(viewerService.section("Deployments").getByRole("table", { name: "Earlier deployments, newest first" })).toBeVisible();
    await expect(viewerService.section("Deployments")).toContainText(earlier);
    await expect(viewerPage.getByRole("button", { name: /^Roll back to/ })).toHaveCount(0);
    await new ClusterPage(viewerPage).open(cluster);
    await expect(viewerPage.getByRole("heading", { level: 1, name: cluster })).toBeVisible();
    await expect(viewerPage.getByRole("link", { name: "Create service" })).toHaveCount(0);
  } finally {
    await asViewer.close();
  }
  // The same pages offer both to the admin, so the viewer's absence above means something.
  await servicePage.open(cluster, "web");
  await expect(page.getByRole("button", { name: /^Roll back to/ }).first()).toBeVisible();
  await new ClusterPage(page).open(cluster);
  await expect(page.getByRole("link", { name: "Create service" })).toBeVisible();
});
