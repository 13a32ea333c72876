import type { ServiceDeployment, ServiceRevision, Task } from "@aws-sdk/client-ecs";
import type { TargetHealthDescription } from "@aws-sdk/client-elastic-load-balancing-v2";
import { describe, expect, it } from "vitest";
import { groupsOfOneRevision, needsTasks, toRolloutSample, type RolloutReads } from "./to-sample";

const TD = (revision: number) => `arn:aws:ecs:us-east-1:000000000000:task-definition/web:${revision}`;
const TG = { blue: "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/blue/1", green: "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/green/2" };
const STARTED = new Date("2026-11-26T12:00:00Z");

function revision(id: string, taskDefinition: string, targetGroupArn?: string): ServiceRevision {
  return {
    serviceRevisionArn: `rev/${id}`,
    taskDefinition,
    loadBalancers: targetGroupArn ? [{ targetGroupArn: TG.blue, containerName: "web", containerPort: 8080 }] : undefined,
    resolvedConfiguration: targetGroupArn ? { loadBalancers: [{ targetGroupArn }] } : undefined,
  };
}

function deployment(values: Partial<ServiceDeployment> = {}): ServiceDeployment {
  return {
    status: "IN_PROGRESS",
    createdAt: STARTED,
    targetServiceRevision: { arn: "rev/new", requestedTaskCount: 2, runningTaskCount: 1, pendingTaskCount: 1 },
    sourceServiceRevisions: [{ arn: "rev/old", requestedTaskCount: 2, runningTaskCount: 2, pendingTaskCount: 0 }],
    ...values,
  };
}

function target(ip: string, state: "healthy" | "initial" | "unhealthy" = "healthy"): TargetHealthDescription {
  return { Target: { Id: ip, Port: 8080 }, TargetHealth: { State: state } };
}

function task(ip: string, taskDefinitionArn: string, values: Partial<Task> = {}): Task {
  return {
    taskArn: `arn:aws:ecs:us-east-1:000000000000:task/c/${ip.replaceAll(".", "")}`,
    taskDefinitionArn,
    lastStatus: "RUNNING",
    createdAt: new Date(STARTED.getTime() - 60_000),
    attachments: [{ type: "ElasticNetworkInterface", details: [{ name: "privateIPv4Address", value: ip }] }],
    ...values,
  };
}

function reads(values: Partial<RolloutReads>): RolloutReads {
  return { at: new Date("2026-11-26T12:01:00Z"), deployment: deployment(), desiredCount: 2, containerPort: 8080, revisions: [], targetHealth: new Map(), ...values };
}

describe("toRolloutSample", () => {
  it("counts each revision's healthy targets in its own group and reads the rule's weights as percent", () => {
    const sample = toRolloutSample(
      reads({
        revisions: [revision("new", TD(2), TG.green), revision("old", TD(1), TG.blue)],
        targetHealth: new Map([
          [TG.green, [target("10.0.0.3"), target("10.0.0.4", "initial")]],
          [TG.blue, [target("10.0.0.1"), target("10.0.0.2")]],
        ]),
        ruleWeights: new Map([
          [TG.blue, 900],
          [TG.green, 100],
        ]),
        deployment: deployment({
          lifecycleStage: "PRODUCTION_TRAFFIC_SHIFT",
          targetServiceRevision: { arn: "rev/new", requestedTaskCount: 2, runningTaskCount: 2, requestedProductionTrafficWeight: 10 },
          sourceServiceRevisions: [{ arn: "rev/old", requestedTaskCount: 2, runningTaskCount: 2, requestedProductionTrafficWeight: 90 }],
        }),
      }),
    );
    expect(sample).toMatchObject({ at: "2026-11-26T12:01:00.000Z", status: "IN_PROGRESS", stage: "PRODUCTION_TRAFFIC_SHIFT", healthBasis: "targets" });
    expect(sample.revisions).toEqual([
      { arn: "rev/new", role: "target", taskDefinition: "web:2", requested: 2, running: 2, pending: 0, healthy: 1, requestedWeight: 10, actualWeight: 10 },
      { arn: "rev/old", role: "source", taskDefinition: "web:1", requested: 2, running: 2, pending: 0, healthy: 2, requestedWeight: 90, actualWeight: 90 },
    ]);
  });

  it("tells revisions sharing a target group apart by their tasks (a rolling update)", () => {
    const revisions = [revision("new", TD(2), TG.blue), revision("old", TD(1), TG.blue)];
    expect(needsTasks(deployment(), revisions)).toBe(true);
    const sample = toRolloutSample(
      reads({
        revisions,
        targetHealth: new Map([[TG.blue, [target("10.0.0.1"), target("10.0.0.2"), target("10.0.0.3"), target("10.0.0.4", "initial")]]]),
        tasks: [task("10.0.0.1", TD(1)), task("10.0.0.2", TD(1)), task("10.0.0.3", TD(2)), task("10.0.0.4", TD(2))],
      }),
    );
    expect(sample.revisions.map((each) => [each.role, each.healthy, each.actualWeight])).toEqual([
      ["target", 1, undefined],
      ["source", 2, undefined],
    ]);
  });

  it("gives a forced redeploy's new tasks to the new revision by when they were created", () => {
    const revisions = [revision("new", TD(1), TG.blue), revision("old", TD(1), TG.blue)];
    const sample = toRolloutSample(
      reads({
        revisions,
        targetHealth: new Map([[TG.blue, [target("10.0.0.1"), target("10.0.0.2"), target("10.0.0.3")]]]),
        tasks: [task("10.0.0.1", TD(1)), task("10.0.0.2", TD(1)), task("10.0.0.3", TD(1), { createdAt: new Date(STARTED.getTime() + 5_000) })],
      }),
    );
    expect(sample.revisions.map((each) => each.healthy)).toEqual([1, 2]);
  });

  it("counts RUNNING tasks that are not UNHEALTHY where there is no load balancer", () => {
    const revisions = [revision("new", TD(2)), revision("old", TD(1))];
    expect(needsTasks(deployment(), revisions)).toBe(true);
    const sample = toRolloutSample(
      reads({
        revisions,
        tasks: [
          task("10.0.0.1", TD(1), { healthStatus: "HEALTHY" }),
          task("10.0.0.2", TD(2), { healthStatus: "UNKNOWN" }),
          task("10.0.0.3", TD(2), { healthStatus: "UNHEALTHY" }),
          task("10.0.0.4", TD(2), { lastStatus: "PENDING" }),
        ],
      }),
    );
    expect(sample.healthBasis).toBe("tasks");
    expect(sample.revisions.map((each) => each.healthy)).toEqual([1, 1]);
  });

  it("leaves out what could not be read instead of guessing", () => {
    const sample = toRolloutSample(reads({ revisions: [revision("new", TD(2), TG.green), revision("old", TD(1), TG.blue)], targetHealth: new Map() }));
    expect(sample.revisions.map((each) => [each.healthy, each.actualWeight])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
    ]);
    expect(needsTasks(deployment(), [revision("new", TD(2), TG.green), revision("old", TD(1), TG.blue)])).toBe(false);
  });

  it("gives each revision its own target group's requests and 5xx, and none to revisions sharing a group", () => {
    const split = [revision("new", TD(2), TG.green), revision("old", TD(1), TG.blue)];
    expect(groupsOfOneRevision(deployment(), split)).toEqual([TG.green, TG.blue]);
    const counted = toRolloutSample(
      reads({
        revisions: split,
        requestCounts: new Map([
          [TG.green, { requests: 12, errors5xx: 3 }],
          [TG.blue, { requests: 108, errors5xx: 0 }],
        ]),
      }),
    );
    expect(counted.revisions.map((each) => [each.role, each.requests, each.errors5xx])).toEqual([
      ["target", 12, 3],
      ["source", 108, 0],
    ]);

    const shared = [revision("new", TD(2), TG.blue), revision("old", TD(1), TG.blue)];
    expect(groupsOfOneRevision(deployment(), shared)).toEqual([]);
    const rolling = toRolloutSample(reads({ revisions: shared, requestCounts: new Map([[TG.blue, { requests: 120, errors5xx: 0 }]]) }));
    for (const each of rolling.revisions) expect(each).not.toHaveProperty("requests");
  });

  it("gives a target group's traffic and counts to the revision that has tasks in it, and none to one drained after a takeover", () => {
    // A new deployment took over from a paused canary: its tasks join green, where the canary's are drained.
    const takeover = deployment({
      targetServiceRevision: { arn: "rev/new", requestedTaskCount: 2, runningTaskCount: 2, requestedProductionTrafficWeight: 10 },
      sourceServiceRevisions: [
        { arn: "rev/canary", requestedTaskCount: 0, runningTaskCount: 0, pendingTaskCount: 0, requestedProductionTrafficWeight: 0 },
        { arn: "rev/old", requestedTaskCount: 2, runningTaskCount: 2, requestedProductionTrafficWeight: 90 },
      ],
    });
    const revisions = [revision("new", TD(4), TG.green), revision("canary", TD(3), TG.green), revision("old", TD(2), TG.blue)];
    expect(groupsOfOneRevision(takeover, revisions)).toEqual([TG.green, TG.blue]);
    const sample = toRolloutSample(
      reads({
        deployment: takeover,
        revisions,
        ruleWeights: new Map([
          [TG.blue, 90],
          [TG.green, 10],
        ]),
        requestCounts: new Map([
          [TG.green, { requests: 10, errors5xx: 0 }],
          [TG.blue, { requests: 90, errors5xx: 1 }],
        ]),
      }),
    );
    expect(sample.revisions.map((each) => [each.taskDefinition, each.requestedWeight, each.actualWeight, each.requests])).toEqual([
      ["web:4", 10, 10, 10],
      ["web:3", 0, 0, undefined],
      ["web:2", 90, 90, 90],
    ]);
  });

  it("leaves the counts out of a revision whose group's counts were not read", () => {
    const sample = toRolloutSample(
      reads({ revisions: [revision("new", TD(2), TG.green), revision("old", TD(1), TG.blue)], requestCounts: new Map([[TG.blue, { requests: 5, errors5xx: 0 }]]) }),
    );
    expect(sample.revisions[0]).not.toHaveProperty("requests");
    expect(sample.revisions[0]).not.toHaveProperty("errors5xx");
    expect(sample.revisions[1]).toMatchObject({ requests: 5, errors5xx: 0 });
  });

  it("samples a deployment with no source (a new service) and one whose revisions were not described", () => {
    const sample = toRolloutSample(reads({ deployment: deployment({ sourceServiceRevisions: [], status: "SUCCESSFUL" }) }));
    expect(sample.status).toBe("SUCCESSFUL");
    expect(sample.revisions).toEqual([{ arn: "rev/new", role: "target", requested: 2, running: 1, pending: 1 }]);
  });
});
