import { DescribeLoadBalancersCommand, DescribeTargetHealthCommand, RegisterTargetsCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTargetGroup } from "./elbv2-fixtures";
import { startTestEmulator, type TestEmulator } from "./harness";

/**
 * One AWS Query request must not stall local ECS: a body of millions of dotted segments or
 * parameters is refused as invalid input, quickly, and what real ELBv2 calls send still fits.
 */
let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

async function postForm(body: string) {
  const started = performance.now();
  const response = await fetch(local.emulator.endpoint, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
  const text = await response.text();
  return { status: response.status, body: text, ms: performance.now() - started };
}

describe("a Query request beyond the decoder's limits", () => {
  it("answers a key of 4,000,000 dotted segments (8 MB) within a second with a ValidationError, and keeps serving", async () => {
    const bomb = `Action=DescribeTags&Version=2015-12-01&${"a.".repeat(4_000_000)}a=1`;
    expect(bomb.length).toBeGreaterThan(8_000_000);
    const { status, body, ms } = await postForm(bomb);
    expect(status).toBe(400);
    expect(body).toMatch(/^<ErrorResponse xmlns="http:\/\/elasticloadbalancing\.amazonaws\.com\/doc\/2015-12-01\/"><Error><Type>Sender<\/Type><Code>ValidationError<\/Code>/);
    expect(body).toContain("has more than 10 dotted segments");
    expect(body.length).toBeLessThan(1000);
    expect(ms).toBeLessThan(1000);
    const after = await local.elb.send(new DescribeLoadBalancersCommand({}));
    expect(after.$metadata.httpStatusCode).toBe(200);
  });

  it("answers 2,000,000 parameters within a second with a ValidationError", async () => {
    const { status, body, ms } = await postForm(`Action=DescribeTags&Version=2015-12-01${"&a=1".repeat(2_000_000)}`);
    expect(status).toBe(400);
    expect(body).toContain("<Code>ValidationError</Code><Message>A request can have at most 10000 parameters.</Message>");
    expect(ms).toBeLessThan(1000);
  });

  it("refuses a list index above 1,000", async () => {
    const { status, body } = await postForm("Action=DescribeTags&Version=2015-12-01&ResourceArns.member.1001=x");
    expect(status).toBe(400);
    expect(body).toContain("<Code>ValidationError</Code><Message>Parameter ResourceArns.member.1001 has an index above 1000");
  });
});

describe("the largest requests ELBv2 clients send", () => {
  it("registers the 1,000 targets a target group holds in one call through the SDK", async () => {
    const group = await createTargetGroup(local.elb, "limits-thousand");
    const Targets = Array.from({ length: 1000 }, (_, i) => ({ Id: `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}`, Port: 8080 }));
    await local.elb.send(new RegisterTargetsCommand({ TargetGroupArn: group.TargetGroupArn, Targets }));
    const { TargetHealthDescriptions } = await local.elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: group.TargetGroupArn }));
    expect(TargetHealthDescriptions).toHaveLength(1000);
  });
});
