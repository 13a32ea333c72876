import { describe, expect, it } from "vitest";
import { liveReadPaths, pagePaths, queryKeys } from "./query-keys";

function startsWith(key: readonly unknown[], prefix: readonly unknown[]): boolean {
  return prefix.every((part, index) => key[index] === part);
}

describe("queryKeys", () => {
  it("nests the overview under every cluster read, so invalidating clusters refreshes it", () => {
    const all = queryKeys.clusters.all();
    const overview = queryKeys.clusters.overview();
    expect(startsWith(overview, all)).toBe(true);
    expect(overview).not.toEqual(all);
  });

  it("nests a cluster's page, services and tasks under that cluster and no other", () => {
    const demo = queryKeys.clusters.one("demo");
    for (const key of [queryKeys.clusters.detail("demo"), queryKeys.clusters.service("demo", "web"), queryKeys.clusters.task("demo", "abc")]) {
      expect(startsWith(key, demo)).toBe(true);
      expect(startsWith(key, queryKeys.clusters.one("staging"))).toBe(false);
    }
  });
});

describe("paths", () => {
  it("escapes names so an odd one cannot change the route", () => {
    expect(pagePaths.service("demo", "a/b")).toBe("/clusters/demo/services/a%2Fb");
    expect(liveReadPaths.task("demo", "x?y")).toBe("/api/clusters/demo/tasks/x%3Fy");
  });
});

describe("pagePaths.deploymentOf", () => {
  it("opens a service deployment's rollout view from its ARN, and nothing else", () => {
    expect(pagePaths.deploymentOf("arn:aws:ecs:us-east-1:123456789012:service-deployment/demo/api/aBc-9_x")).toBe("/clusters/demo/services/api/deployments/aBc-9_x");
    expect(pagePaths.deploymentOf("arn:aws:ecs:us-east-1:123456789012:service/demo/api")).toBeUndefined();
    expect(pagePaths.deploymentOf("")).toBeUndefined();
  });
});
