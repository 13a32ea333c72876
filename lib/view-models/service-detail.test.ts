import type { Service } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { currentRevisionViews, toServiceSummary } from "./service-detail";

const REVISION = (id: string) => `arn:aws:ecs:us-east-1:123456789012:service-revision/demo/api/${id}`;

describe("currentRevisionViews", () => {
  const service: Service = {
    serviceName: "api",
    serviceArn: "arn:aws:ecs:us-east-1:123456789012:service/demo/api",
    clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/demo",
    currentServiceRevisions: [
      { arn: REVISION("111"), requestedTaskCount: 2, runningTaskCount: 2, pendingTaskCount: 0 },
      { arn: REVISION("222"), requestedTaskCount: 2, runningTaskCount: 1, pendingTaskCount: 1 },
    ],
  };

  it("joins each revision the service runs to its task definition and images, when they were described", () => {
    const described = [{ serviceRevisionArn: REVISION("222"), images: [{ containerName: "api", image: "api:2.8.1" }], taskDefinition: { arn: "t", family: "api", revision: 3, label: "api:3" } }];
    const views = currentRevisionViews(toServiceSummary(service), described);
    expect(views).toEqual([
      { serviceRevisionArn: REVISION("111"), revisionId: "111", requested: 2, running: 2, pending: 0, revision: undefined },
      { serviceRevisionArn: REVISION("222"), revisionId: "222", requested: 2, running: 1, pending: 1, revision: described[0] },
    ]);
  });
});
