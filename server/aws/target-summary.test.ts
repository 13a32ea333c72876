import { describe, expect, it } from "vitest";
import { defaultConnection, readTargetSummary } from "./target-summary";

describe("readTargetSummary", () => {
  it("describes local ECS by its address alone, never with what the URL carries besides", () => {
    const summary = readTargetSummary({ SLIPWAY_TARGET: "local", AWS_ENDPOINT_URL: "http://user:secret@127.0.0.1:4510/base", AWS_REGION: "eu-west-1" });
    expect(summary).toEqual({ name: "local", endpoint: "http://127.0.0.1:4510", region: "eu-west-1" });
  });

  it("prefers the ECS endpoint, as the SDK does", () => {
    const summary = readTargetSummary({ AWS_ENDPOINT_URL_ECS: "http://127.0.0.1:4600", AWS_ENDPOINT_URL: "http://127.0.0.1:4510" });
    expect(summary).toMatchObject({ name: "local", endpoint: "http://127.0.0.1:4600", region: "us-east-1" });
  });

  it("describes real AWS by its region", () => {
    expect(readTargetSummary({ SLIPWAY_TARGET: "aws", AWS_DEFAULT_REGION: "ap-southeast-2" })).toEqual({ name: "aws", region: "ap-southeast-2" });
  });

  it("describes real AWS by the region and profile chosen, when there is a choice", () => {
    const env = { SLIPWAY_TARGET: "aws", AWS_REGION: "eu-west-1" };
    expect(readTargetSummary(env, { region: "us-east-2", profile: "prod" })).toEqual({ name: "aws", region: "us-east-2", profile: "prod" });
    expect(readTargetSummary(env, { region: "us-east-2" })).toEqual({ name: "aws", region: "us-east-2" });
  });

  it("says what is wrong when local mode has no local endpoint, instead of throwing", () => {
    const summary = readTargetSummary({ SLIPWAY_TARGET: "local" });
    expect(summary.name).toBe("misconfigured");
    expect(summary.name === "misconfigured" && summary.problem).toMatch(/AWS_ENDPOINT_URL/);
  });
});

describe("defaultConnection", () => {
  it("uses the SDK's region variables, AWS_REGION first", () => {
    expect(defaultConnection({ AWS_REGION: "eu-west-1", AWS_DEFAULT_REGION: "us-west-2" })).toEqual({ region: "eu-west-1" });
    expect(defaultConnection({})).toEqual({ region: "us-east-1" });
  });
});
