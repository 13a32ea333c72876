import { describe, expect, it } from "vitest";
import { createClusterCommand, targetLabel, type TargetSummary } from "./target-summary";

const local: TargetSummary = { name: "local", endpoint: "http://127.0.0.1:4510", region: "us-east-1" };
const aws: TargetSummary = { name: "aws", region: "eu-west-1" };

describe("targetLabel", () => {
  it("names local ECS by its address and AWS by its region", () => {
    expect(targetLabel(local)).toBe("local ECS at http://127.0.0.1:4510");
    expect(targetLabel(aws)).toBe("AWS eu-west-1");
    expect(targetLabel({ ...aws, profile: "prod" })).toBe("AWS eu-west-1 · prod");
  });
});

describe("createClusterCommand", () => {
  it("points the AWS CLI at local ECS, or at the region in use", () => {
    expect(createClusterCommand(local, "hello")).toBe("aws --endpoint-url http://127.0.0.1:4510 ecs create-cluster --cluster-name hello");
    expect(createClusterCommand(aws)).toBe("aws ecs create-cluster --cluster-name my-cluster --region eu-west-1");
    expect(createClusterCommand({ ...aws, profile: "prod" })).toBe("aws ecs create-cluster --cluster-name my-cluster --region eu-west-1 --profile prod");
  });

  it("offers no command when the dashboard has nowhere to send it", () => {
    expect(createClusterCommand({ name: "misconfigured", problem: "no endpoint" })).toBeUndefined();
  });
});
