import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { taskKnobsMarkdownTable } from "../dataplane/knobs";
import { cliEnvironment, findOnPath } from "./aws-cli-environment";
import { startTestEmulator, type TestEmulator } from "./harness";

/**
 * Runs the README's "Driving local ECS with the AWS CLI" commands, exactly as written, with the
 * real AWS CLI against local ECS: what the README promises is what a reader gets.
 */
const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const README = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
const README_ENDPOINT = "http://127.0.0.1:4510";
const run = promisify(execFile);

/** The lines of the section's shell blocks that start with `program`; a trailing backslash continues a line. */
function readmeCommands(program: string): string[] {
  const section = README.split(/^## /m).find((part) => part.startsWith("Driving local ECS with the AWS CLI"));
  if (!section) throw new Error('README.md has no section "Driving local ECS with the AWS CLI"');
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1].replace(/\\\n\s*/g, ""));
  return blocks.flatMap((block) => block.split("\n")).filter((line) => line.startsWith(`${program} `));
}

function readmeCliCommands(): string[] {
  return readmeCommands("aws");
}

/** The README's example of a listener's address, which the reader replaces with their own. */
const EXAMPLE_ADDRESS = /http:\/\/hello-\d{10}\.us-east-1\.elb\.localhost:\d+/;



describe("the README's AWS CLI walk-through", () => {
  let local: TestEmulator;
  let home: string;
  const outputs: Array<{ command: string; stdout: string }> = [];

  beforeAll(async () => {
    if (!findOnPath("aws")) {
      throw new Error("The AWS CLI (`aws`) is not on PATH. Install it (Debian: apt-get install awscli; .ci/run does this) to run this test.");
    }
    home = mkdtempSync(join(tmpdir(), "slipway-aws-cli-"));
    local = await startTestEmulator({ timeScale: 60 });
  });
  afterAll(async () => {
    await local?.stop();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it("documents the create, register, deploy, update and wait steps, then a load balancer in front", () => {
    const commands = readmeCliCommands();
    for (const step of ["create-cluster", "register-task-definition --cli-input-json", "create-service", "update-service", "wait services-stable"]) {
      expect(commands.some((command) => command.includes(`ecs ${step}`)), step).toBe(true);
    }
    for (const step of ["create-load-balancer", "create-target-group", "create-listener", "register-targets", "describe-target-health", "describe-tags"]) {
      expect(commands.some((command) => command.includes(`elbv2 ${step}`)), step).toBe(true);
    }
    expect(commands.every((command) => /^aws --endpoint-url \S+ (ecs|elbv2) /.test(command) && command.startsWith(`aws --endpoint-url ${README_ENDPOINT} `))).toBe(true);
    expect(readmeCommands("curl")).toEqual([expect.stringMatching(EXAMPLE_ADDRESS)]);
  });

  it("runs every command, in order, and each one succeeds", async () => {
    for (const readmeCommand of readmeCliCommands()) {
      const command = readmeCommand.replaceAll(README_ENDPOINT, local.emulator.endpoint);
      try {
        const { stdout } = await run("bash", ["-c", command], { cwd: REPO_ROOT, env: cliEnvironment(home), timeout: 150_000 });
        outputs.push({ command: readmeCommand, stdout });
      } catch (error) {
        const { stderr, message } = error as { stderr?: string; message: string };
        throw new Error(`README command failed: ${readmeCommand}\n${stderr || message}`);
      }
    }
  }, 400_000);

  /** The output of the nth command of a step, e.g. "ecs create-cluster"; JSON unless the command asked for text. */
  function rawOutputOf(step: string, nth = 0): string {
    const matching = outputs.filter((o) => o.command.startsWith(`aws --endpoint-url ${README_ENDPOINT} ${step} `));
    expect(matching.length, `output of ${step}`).toBeGreaterThan(nth);
    return matching[nth].stdout;
  }

  function outputOf(step: string, nth = 0): unknown {
    return JSON.parse(rawOutputOf(`ecs ${step}`, nth));
  }

  function elbOutputOf(step: string): unknown {
    return JSON.parse(rawOutputOf(`elbv2 ${step}`));
  }

  it("creates the cluster, two revisions and the service the README describes", () => {
    expect(outputOf("create-cluster")).toMatchObject({ cluster: { clusterName: "hello", status: "ACTIVE" } });
    expect(outputOf("register-task-definition", 0)).toMatchObject({ taskDefinition: { family: "hello", revision: 1, status: "ACTIVE" } });
    expect(outputOf("register-task-definition", 1)).toMatchObject({ taskDefinition: { family: "hello", revision: 2 } });
    expect(outputOf("create-service")).toMatchObject({ service: { serviceName: "hello", desiredCount: 2, launchType: "FARGATE" } });
  });

  it("ends stable on revision 2 with three running tasks", () => {
    const summary = outputOf("describe-services") as Record<string, unknown>;
    expect(summary).toMatchObject({ running: 3, desired: 3, deployments: 1 });
    expect(summary.taskDefinition).toMatch(/:task-definition\/hello:2$/);
  });

  it("shows a task's real address, where its server answers", async () => {
    const binding = outputOf("describe-tasks") as { bindIP: string; hostPort: number; containerPort: number };
    expect(binding.containerPort).toBe(80);
    const response = await fetch(`http://${binding.bindIP}:${binding.hostPort}/`, { headers: { accept: "application/json" } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ taskDefinition: "hello:2", serviceName: "hello" });
  });

  it("creates the load balancer, target group and listener the README describes", () => {
    expect(elbOutputOf("create-load-balancer")).toEqual({ name: "hello", dns: expect.stringMatching(/^hello-\d{10}\.us-east-1\.elb\.localhost$/), state: "provisioning" });
    expect(elbOutputOf("create-target-group")).toEqual({ name: "hello", port: 80, type: "ip" });
    expect(elbOutputOf("create-listener")).toEqual({ protocol: "HTTP", port: 80 });
  });

  it("registers the task's address, which passes its health checks", () => {
    const binding = outputOf("describe-tasks") as { bindIP: string; hostPort: number };
    expect(elbOutputOf("describe-target-health")).toEqual([{ id: binding.bindIP, port: binding.hostPort, state: "healthy" }]);
  });

  it("tells where the listener answers, and curl gets the task's page through it", async () => {
    const address = rawOutputOf("elbv2 describe-tags").trim();
    const dnsName = (elbOutputOf("create-load-balancer") as { dns: string }).dns;
    expect(address).toMatch(new RegExp(`^http://${dnsName.replaceAll(".", "\\.")}:\\d+$`));
    const [readmeCurl] = readmeCommands("curl");
    // The reader types the address they were given; curl resolves *.localhost to this machine.
    const { stdout } = await run("bash", ["-c", readmeCurl.replace(EXAMPLE_ADDRESS, address)], { cwd: REPO_ROOT, timeout: 30_000 });
    expect(stdout).toContain("hello:2");
  });
});

describe("the README", () => {
  it("lists the task failure knobs exactly as local ECS reads them", () => {
    expect(README).toContain(taskKnobsMarkdownTable());
  });
});
