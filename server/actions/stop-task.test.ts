import { CreateServiceCommand, ListTasksCommand, RunTaskCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFargateCluster, describeTask, NETWORK, registerWebApp, waitForTaskStatus } from "@/emulator/test/fixtures";
import { taskId } from "@/lib/arn";
import { measureEachTestAgainst, startCountedLocalEcs, type CountedLocalEcs } from "@/server/aws/test-local-ecs";
import { stopTask } from "./stop-task";

describe("stopTask", () => {
  let local: CountedLocalEcs;
  let taskDefinition: string;
  beforeAll(async () => {
    // Slow enough that a task just stopped is still stopping when it is stopped again, however busy the machine (2 s of deprovisioning take 1 s).
    local = await startCountedLocalEcs({ timeScale: 2 });
    await createFargateCluster(local.ecs, "shop");
    taskDefinition = await registerWebApp(local.ecs, "web", "public.ecr.aws/slipway/web:1.0.0", [], { containerHealthCheck: false });
    await local.ecs.send(new CreateServiceCommand({ cluster: "shop", serviceName: "web", taskDefinition, desiredCount: 2, networkConfiguration: NETWORK }));
  });
  afterAll(() => local.stop());
  measureEachTestAgainst(() => local);

  const serviceTask = async () => (await local.ecs.send(new ListTasksCommand({ cluster: "shop", serviceName: "web" }))).taskArns![0];
  const standaloneTask = async () => (await local.ecs.send(new RunTaskCommand({ cluster: "shop", taskDefinition, networkConfiguration: NETWORK }))).tasks![0].taskArn!;

  it("stops a service's task with Slipway's reason, and says its service will replace it", async () => {
    const arn = await serviceTask();
    const id = taskId(arn);

    const result = await stopTask({ cluster: "shop", task: id });

    expect(result).toMatchObject({ ok: true, value: { taskArn: arn, desiredStatus: "STOPPED" } });
    expect(result.ok && result.message).toBe(`Task ${id.slice(0, 8)}… is stopping. Its service web will start a replacement.`);
    expect(await describeTask(local.ecs, "shop", arn)).toMatchObject({ desiredStatus: "STOPPED", stopCode: "UserInitiated", stoppedReason: "Stopped from Slipway by a user" });
    expect(local.calls("StopTask")).toBe(1);
  });

  it("stops a standalone task by its ARN with the reason given", async () => {
    const arn = await standaloneTask();

    const result = await stopTask({ cluster: "shop", task: arn, reason: "  Rotating credentials  " });

    expect(result.ok && result.message).toBe(`Task ${taskId(arn).slice(0, 8)}… is stopping.`);
    expect(await describeTask(local.ecs, "shop", arn)).toMatchObject({ stopCode: "UserInitiated", stoppedReason: "Rotating credentials" });
  });

  it("tells a person that a task someone else is stopping was already stopping, with that reason", async () => {
    const arn = await standaloneTask();
    await stopTask({ cluster: "shop", task: arn, reason: "Stopped by the on-call engineer" });

    const result = await stopTask({ cluster: "shop", task: arn });

    expect(result).toMatchObject({
      ok: false,
      error: { code: "invalid-input", message: `Task ${taskId(arn).slice(0, 8)}… was already stopping: Stopped by the on-call engineer` },
    });
  });

  it("tells a person that a stopped task had already stopped", async () => {
    const arn = await standaloneTask();
    await stopTask({ cluster: "shop", task: arn });
    await waitForTaskStatus(local.ecs, "shop", arn, "STOPPED");

    const result = await stopTask({ cluster: "shop", task: arn });

    expect(result).toMatchObject({ ok: false, error: { message: `Task ${taskId(arn).slice(0, 8)}… had already stopped: Stopped from Slipway by a user` } });
    expect(result.ok || result.fieldErrors).toBeUndefined();
  });

  it("refuses a malformed task id and an overlong reason at their fields, and calls nothing", async () => {
    const result = await stopTask({ cluster: "shop", task: "not-a-task", reason: "x".repeat(256) });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "invalid-input" },
      fieldErrors: { task: "Give a task id (32 hex digits) or a task ARN.", reason: "ECS keeps at most 255 characters of a stop reason." },
    });
    expect(local.calls("StopTask")).toBe(0);
  });

  it("reports a task ECS does not know with AWS's own words and request id", async () => {
    const result = await stopTask({ cluster: "shop", task: "0123456789abcdef0123456789abcdef" });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid-input", awsCode: "InvalidParameterException", detail: "The referenced task was not found." } });
    expect(!result.ok && result.error.requestId).toBeTruthy();
  });
});
