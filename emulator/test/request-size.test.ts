import { ListClustersCommand } from "@aws-sdk/client-ecs";
import { execFile } from "node:child_process";
import { request } from "node:http";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliEnvironment, findOnPath } from "./aws-cli-environment";
import { startTestEmulator, type TestEmulator } from "./harness";

/**
 * A body over 10 MB gets AWS's answer, 413 in the service's own protocol, however the client
 * sends it, and local ECS keeps none of it and keeps serving.
 */
let local: TestEmulator;
let home: string;
beforeAll(async () => {
  local = await startTestEmulator();
  home = mkdtempSync(join(tmpdir(), "local-ecs-request-size-"));
});
afterAll(async () => {
  await local.stop();
  rmSync(home, { recursive: true, force: true });
});

const ECS_JSON = { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition" };
const FORM = { "content-type": "application/x-www-form-urlencoded" };
const ELEVEN_MB = 11 * 1024 * 1024;
const LIMIT_MESSAGE = "Request body is larger than the 10 MB that local ECS accepts.";

/** Sends `chunks` one write at a time, without a Content-Length unless given: a streamed body. */
function send(headers: Record<string, string>, chunks: Buffer[]): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(local.emulator.endpoint, { method: "POST", headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (text: string) => (body += text));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe("a body over 10 MB", () => {
  it("is refused with 413 RequestEntityTooLarge as an AWS JSON error when its length is declared", async () => {
    const response = await fetch(local.emulator.endpoint, { method: "POST", headers: ECS_JSON, body: `{"family":"${"x".repeat(ELEVEN_MB)}"}` });
    expect(response.status).toBe(413);
    expect(response.headers.get("x-amzn-errortype")).toBe("RequestEntityTooLarge");
    expect(await response.json()).toEqual({ __type: "RequestEntityTooLarge", message: LIMIT_MESSAGE });
  });

  it("is refused with 413 as an AWS Query error when it is streamed without a length", async () => {
    const chunk = Buffer.alloc(1024 * 1024, "a");
    const response = await send({ ...FORM, "transfer-encoding": "chunked" }, [Buffer.from("Action=DescribeTags&Version=2015-12-01&X="), ...Array(11).fill(chunk)]);
    expect(response.status).toBe(413);
    expect(response.body).toMatch(
      /^<ErrorResponse xmlns="http:\/\/elasticloadbalancing\.amazonaws\.com\/doc\/2015-12-01\/"><Error><Type>Sender<\/Type><Code>RequestEntityTooLarge<\/Code><Message>Request body is larger than the 10 MB that local ECS accepts\.<\/Message>/,
    );
  });

  it("reaches the AWS CLI, which writes the whole body before it reads the answer, as the service's error", async () => {
    const aws = findOnPath("aws");
    if (!aws) throw new Error("The AWS CLI (`aws`) is not on PATH. Install it (Debian: apt-get install awscli) to run this test.");
    const input = join(home, "huge-task-definition.json");
    writeFileSync(input, JSON.stringify({ family: "huge", containerDefinitions: [{ name: "app", image: "x", environment: [{ name: "BIG", value: "x".repeat(ELEVEN_MB) }] }] }));
    const args = ["--endpoint-url", local.emulator.endpoint, "ecs", "register-task-definition", "--cli-input-json", `file://${input}`];
    const failure = await promisify(execFile)(aws, args, { env: cliEnvironment(home), maxBuffer: 1024 * 1024 }).then(
      () => undefined,
      (error: { stderr: string }) => error.stderr,
    );
    expect(failure).toContain(`An error occurred (RequestEntityTooLarge) when calling the RegisterTaskDefinition operation: ${LIMIT_MESSAGE}`);
  }, 60_000);

  it("leaves local ECS serving", async () => {
    const output = await local.ecs.send(new ListClustersCommand({}));
    expect(output.$metadata.httpStatusCode).toBe(200);
  });
});

describe("headers", () => {
  it("over Node's 16 KB are refused with 431 before any request handling", async () => {
    const response = await send({ ...ECS_JSON, "x-padding": "p".repeat(17 * 1024) }, [Buffer.from("{}")]);
    expect(response.status).toBe(431);
  });
});
