import type { Service, ServiceDeployment, ServiceDeploymentBrief } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { awaitingApproval, deploymentsToDescribe, groupDeployments, revisionsToDescribe, rolloutOf, servingRevisionArn, toDeploymentDetail, type RevisionInfo } from "./deployments";

const SD = "arn:aws:ecs:us-east-1:123456789012:service-deployment/shop/web";
const REV = "arn:aws:ecs:us-east-1:123456789012:service-revision/shop/web";
const at = (minute: number) => new Date(Date.UTC(2025, 5, 1, 12, minute));

const paused: ServiceDeployment = {
  serviceDeploymentArn: `${SD}/paused`,
  status: "IN_PROGRESS",
  lifecycleStage: "POST_TEST_TRAFFIC_SHIFT",
  createdAt: at(30),
  deploymentConfiguration: { strategy: "CANARY", canaryConfiguration: { canaryPercent: 10 }, lifecycleHooks: [{ targetType: "PAUSE" }] },
  targetServiceRevision: { arn: `${REV}/3`, requestedTaskCount: 2, runningTaskCount: 2, pendingTaskCount: 0, requestedProductionTrafficWeight: 0, requestedTestTrafficWeight: 100 },
  sourceServiceRevisions: [{ arn: `${REV}/1`, requestedTaskCount: 2, runningTaskCount: 2, requestedProductionTrafficWeight: 100 }],
  lifecycleHookDetails: [
    { hookId: "ecs-pause-first", targetType: "PAUSE", status: "SUCCEEDED" },
    { hookId: "ecs-pause-gate", targetType: "PAUSE", status: "AWAITING_ACTION", expiresAt: at(40), timeoutAction: "ROLLBACK" },
  ],
  deploymentCircuitBreaker: { status: "MONITORING", failureCount: 1, threshold: 3 },
};

describe("awaitingApproval", () => {
  it("finds the PAUSE hook an ongoing deployment waits on, with its timeout", () => {
    expect(awaitingApproval(paused)).toEqual({
      serviceDeploymentArn: `${SD}/paused`,
      hookId: "ecs-pause-gate",
      lifecycleStage: "POST_TEST_TRAFFIC_SHIFT",
      expiresAt: "2025-06-01T12:40:00.000Z",
      timeoutAction: "ROLLBACK",
    });
  });

  it("finds none when no hook waits, or when the deployment has finished", () => {
    expect(awaitingApproval({ ...paused, lifecycleHookDetails: [{ hookId: "h", status: "IN_PROGRESS" }] })).toBeUndefined();
    expect(awaitingApproval({ ...paused, lifecycleHookDetails: undefined })).toBeUndefined();
    // Stopped while paused: the hook can still read AWAITING_ACTION, but nobody can act on it any more.
    expect(awaitingApproval({ ...paused, status: "ROLLBACK_SUCCESSFUL" })).toBeUndefined();
    expect(awaitingApproval({ ...paused, status: "ROLLBACK_IN_PROGRESS" })?.hookId).toBe("ecs-pause-gate");
  });
});

describe("rolloutOf", () => {
  it("reads the primary deployment's rollout state, and whether any is in progress", () => {
    const service: Service = {
      deployments: [
        { status: "PRIMARY", rolloutState: "IN_PROGRESS", rolloutStateReason: "ECS deployment ecs-svc/2 in progress." },
        { status: "ACTIVE", rolloutState: "COMPLETED" },
      ],
    };
    expect(rolloutOf(service)).toEqual({ state: "IN_PROGRESS", reason: "ECS deployment ecs-svc/2 in progress.", inProgress: true });
    expect(rolloutOf({ deployments: [{ status: "PRIMARY", rolloutState: "COMPLETED" }] }).inProgress).toBe(false);
    expect(rolloutOf({ deployments: [{ status: "PRIMARY", rolloutState: "FAILED" }] })).toMatchObject({ state: "FAILED", inProgress: false });
  });

  it("counts a second deployment as in progress when ECS gives no rollout state", () => {
    expect(rolloutOf({ deployments: [{ status: "PRIMARY" }, { status: "ACTIVE" }] }).inProgress).toBe(true);
    expect(rolloutOf({}).inProgress).toBe(false);
  });
});

const brief = (id: string, status: ServiceDeploymentBrief["status"], minute: number): ServiceDeploymentBrief => ({
  serviceDeploymentArn: `${SD}/${id}`,
  status,
  createdAt: at(minute),
  targetServiceRevisionArn: `${REV}/${id}`,
});

describe("grouping deployments", () => {
  const briefs = [brief("first", "SUCCESSFUL", 0), brief("paused", "IN_PROGRESS", 30), brief("second", "ROLLBACK_SUCCESSFUL", 10), brief("third", "SUCCESSFUL", 20)];

  it("describes only the ongoing deployments and the last finished one", () => {
    expect(deploymentsToDescribe(briefs)).toEqual([`${SD}/paused`, `${SD}/third`]);
    expect(deploymentsToDescribe([])).toEqual([]);
  });

  it("groups ongoing, last and past, newest first, past ones from their briefs", () => {
    const third: ServiceDeployment = { serviceDeploymentArn: `${SD}/third`, status: "SUCCESSFUL", createdAt: at(20) };
    const groups = groupDeployments(briefs, [third, paused], new Map());
    expect(groups.ongoing.map((deployment) => deployment.id)).toEqual(["paused"]);
    expect(groups.last?.id).toBe("third");
    expect(groups.past.map((deployment) => [deployment.id, deployment.status])).toEqual([
      ["second", "ROLLBACK_SUCCESSFUL"],
      ["first", "SUCCESSFUL"],
    ]);
  });

  it("names the revisions to describe once each, with the ones the service runs now", () => {
    const service: Service = { currentServiceRevisions: [{ arn: `${REV}/1` }, { arn: `${REV}/9` }] };
    expect(revisionsToDescribe([paused], service)).toEqual([`${REV}/3`, `${REV}/1`, `${REV}/9`]);
    expect(revisionsToDescribe([])).toEqual([]);
  });
});

describe("toDeploymentDetail", () => {
  it("shows each revision's counts and traffic weights, with its task definition when described", () => {
    const v3: RevisionInfo = { serviceRevisionArn: `${REV}/3`, taskDefinition: { arn: "web:3", family: "web", revision: 3, label: "web:3" }, images: [] };
    const detail = toDeploymentDetail(paused, new Map([[v3.serviceRevisionArn, v3]]));
    expect(detail).toMatchObject({
      id: "paused",
      strategy: "Canary 10 % with approval",
      createdAt: "2025-06-01T12:30:00.000Z",
      targetRevision: v3,
      target: { revisionId: "3", revision: v3, requestedTasks: 2, runningTasks: 2, pendingTasks: 0, productionTrafficWeight: 0, testTrafficWeight: 100 },
      sources: [{ revisionId: "1", revision: undefined, productionTrafficWeight: 100, pendingTasks: 0 }],
      awaitingApproval: { hookId: "ecs-pause-gate" },
      circuitBreaker: { status: "MONITORING", failureCount: 1, threshold: 3 },
    });
    expect(detail.hooks.map((hook) => [hook.hookId, hook.status])).toEqual([
      ["ecs-pause-first", "SUCCEEDED"],
      ["ecs-pause-gate", "AWAITING_ACTION"],
    ]);
    expect(JSON.parse(JSON.stringify(detail))).toEqual(detail);
  });
});

describe("servingRevisionArn", () => {
  const summary = (arn: string, weight?: number, running = 2) => ({ arn, runningTaskCount: running, ...(weight === undefined ? {} : { requestedProductionTrafficWeight: weight }) });

  it("is the source while a canary waits before its first traffic, and on a tie", () => {
    expect(servingRevisionArn({ targetServiceRevision: summary("new", 0), sourceServiceRevisions: [summary("old", 100)] })).toBe("old");
    expect(servingRevisionArn({ targetServiceRevision: summary("new", 50), sourceServiceRevisions: [summary("old", 50)] })).toBe("old");
  });

  it("is the target once it takes most of production", () => {
    expect(servingRevisionArn({ targetServiceRevision: summary("new", 90), sourceServiceRevisions: [summary("old", 10)] })).toBe("new");
  });

  it("is the source that served production after a takeover, not the drained canary", () => {
    const takeover = { targetServiceRevision: summary("newest", 0), sourceServiceRevisions: [summary("canary", 0, 0), summary("old", 100)] };
    expect(servingRevisionArn(takeover)).toBe("old");
  });

  it("is the source with the most tasks in a rolling deployment, which asks for no weights", () => {
    expect(servingRevisionArn({ targetServiceRevision: summary("new", undefined, 1), sourceServiceRevisions: [summary("old", undefined, 3)] })).toBe("old");
    expect(servingRevisionArn({ targetServiceRevision: summary("new", undefined, 2) })).toBe("new");
  });
});
