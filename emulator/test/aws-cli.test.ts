import { execFile } from "node:child_process";
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { taskKnobsMarkdownTable } from "../dataplane/knobs";
import { startTestEmulator, type TestEmulator } from "./harness";

/**
 * Runs the README's "Driving local ECS with the AWS CLI" commands, exactly as written, with the
 * real AWS CLI against local ECS: what the README promises is what a reader gets.
 */
const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const README = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
const README_ENDPOINT = "http://127.0.0.1:4510";
const run = promisify(execFile);

/** The `aws …` lines of the section's shell blocks; a trailing backslash continues a line. */
function readmeCliCommands(): string[] {
  const section = README.split(/^## /m).find((part) => part.startsWith("Driving local ECS with the AWS CLI"));
  if (!section) throw new Error('README.md has no section "Driving local ECS with the AWS CLI"');
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1].replace(/\\\n\s*/g, ""));
  return blocks.flatMap((block) => block.split("\n")).filter((line) => line.startsWith("aws "));
}

function findOnPath(program: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    try {
      accessSync(join(dir, program), constants.X_OK);
      return join(dir, program);
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** Only the README's settings: nothing from the user's own AWS configuration may leak in. */
function cliEnvironment(home: string): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => !name.startsWith("AWS_"));
  return {
    ...Object.fromEntries(inherited),
    HOME: home,
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_PAGER: "",
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
  };
}

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

  it("documents the create, register, deploy, update and wait steps", () => {
    const commands = readmeCliCommands();
    for (const step of ["create-cluster", "register-task-definition --cli-input-json", "create-service", "update-service", "wait services-stable"]) {
      expect(commands.some((command) => command.includes(`ecs ${step}`)), step).toBe(true);
    }
    expect(commands.every((command) => command.startsWith(`aws --endpoint-url ${README_ENDPOINT} ecs `))).toBe(true);
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

  function outputOf(step: string, nth = 0): unknown {
    const matching = outputs.filter((o) => o.command.includes(`ecs ${step} `));
    expect(matching.length, `output of ecs ${step}`).toBeGreaterThan(nth);
    return JSON.parse(matching[nth].stdout);
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
});

describe("the README", () => {
  it("lists the task failure knobs exactly as local ECS reads them", () => {
    expect(README).toContain(taskKnobsMarkdownTable());
  });
});
