import { describe, expect, it } from "vitest";
import { isLoopbackHost, readTarget } from "./target";

const LOCAL_ENDPOINTS = {
  AWS_ENDPOINT_URL_ECS: "http://127.0.0.1:4566",
  AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2: "http://127.0.0.1:4566",
  AWS_ENDPOINT_URL_CLOUDWATCH: "http://127.0.0.1:4566",
};

describe("readTarget", () => {
  it("is local by default, with dummy credentials and loopback only", () => {
    const target = readTarget({ ...LOCAL_ENDPOINTS });
    expect(target).toMatchObject({ name: "local", loopbackOnly: true });
    expect(target.credentials).toEqual({ accessKeyId: "local-ecs", secretAccessKey: "local-ecs" });
  });

  it("accepts the general AWS_ENDPOINT_URL for every service, and localhost or ::1", () => {
    expect(readTarget({ AWS_ENDPOINT_URL: "http://localhost:4566" }).name).toBe("local");
    expect(readTarget({ AWS_ENDPOINT_URL: "http://[::1]:4566" }).name).toBe("local");
  });

  it("refuses local mode without an endpoint, since the SDK would then call real AWS", () => {
    expect(() => readTarget({})).toThrow(/Local mode needs AWS_ENDPOINT_URL_ECS/);
    expect(() => readTarget({ AWS_ENDPOINT_URL_ECS: "http://127.0.0.1:4566" })).toThrow(/AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2/);
    expect(() => readTarget({ ...LOCAL_ENDPOINTS, AWS_ENDPOINT_URL_CLOUDWATCH: undefined })).toThrow(/AWS_ENDPOINT_URL_CLOUDWATCH/);
  });

  it("refuses local mode pointed anywhere but loopback", () => {
    expect(() => readTarget({ ...LOCAL_ENDPOINTS, AWS_ENDPOINT_URL_ECS: "https://ecs.us-east-1.amazonaws.com" })).toThrow(
      /only talks to loopback, but AWS_ENDPOINT_URL_ECS points at ecs\.us-east-1\.amazonaws\.com/,
    );
    expect(() => readTarget({ ...LOCAL_ENDPOINTS, AWS_ENDPOINT_URL_CLOUDWATCH: "https://monitoring.us-east-1.amazonaws.com" })).toThrow(/AWS_ENDPOINT_URL_CLOUDWATCH points at monitoring/);
    expect(() => readTarget({ AWS_ENDPOINT_URL: "http://10.0.0.5:4566" })).toThrow(/loopback/);
    expect(() => readTarget({ AWS_ENDPOINT_URL: "not a url" })).toThrow(/not a URL/);
  });

  it("refuses local mode when the SDK is told to ignore configured endpoints", () => {
    expect(() => readTarget({ ...LOCAL_ENDPOINTS, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true" })).toThrow(/AWS_IGNORE_CONFIGURED_ENDPOINT_URLS/);
  });

  it("goes to AWS only when asked, leaving credentials to the SDK's chain", () => {
    expect(readTarget({ SLIPWAY_TARGET: "aws" })).toEqual({ name: "aws", loopbackOnly: false });
    expect(() => readTarget({ SLIPWAY_TARGET: "prod" })).toThrow(/must be "local" or "aws"/);
  });
});

describe("isLoopbackHost", () => {
  it("knows loopback from everything else", () => {
    for (const host of ["localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "::1", "[::1]"]) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ["ecs.us-east-1.amazonaws.com", "10.0.0.1", "localhost.example.com", "128.0.0.1", "0.0.0.0"]) {
      expect(isLoopbackHost(host)).toBe(false);
    }
  });
});
