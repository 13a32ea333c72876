import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { configureReadCache } from "@/server/aws/coalescing";
import { awsCallCounts } from "@/server/aws/instrumentation";
import { CONNECTION, measureEachTestAgainst, startCountedLocalEcs, type CountedLocalEcs } from "@/server/aws/test-local-ecs";
import { cachedApprovalsInbox, forgetApprovalsInbox, INBOX_TTL_MS, readApprovalsInbox, resetApprovalsInboxCache } from "./approvals-inbox";
import { readClustersOverview } from "./clusters-overview";
import { buildBatchCluster, buildShopCluster, expectAwsCalls, type ShopCluster } from "./test-account";

let local: CountedLocalEcs;
let shop: ShopCluster;
let clock = 0;

beforeAll(async () => {
  local = await startCountedLocalEcs();
  shop = await buildShopCluster(local.ecs, local.elb);
  await buildBatchCluster(local.ecs);
});
afterAll(() => local.stop());
measureEachTestAgainst(() => local);
beforeEach(() => resetApprovalsInboxCache(() => clock));

/** 12 services in batch take two DescribeServices; only shop's deploying web is described. */
const OVERVIEW_CALLS = {
  "ecs:ListClusters": 1,
  "ecs:DescribeClusters": 1,
  "ecs:ListServices": 2,
  "ecs:DescribeServices": 3,
  "ecs:DescribeServiceDeployments": 1,
};
/** And the paused canary's two revisions, for the images it changes. */
const INBOX_CALLS = { ...OVERVIEW_CALLS, "ecs:DescribeServiceRevisions": 1 };

describe("the approvals inbox", () => {
  it("lists the paused canary with what it waits for, since when and until when, for what the overview costs", async () => {
    const inbox = await readApprovalsInbox(CONNECTION);

    expect(inbox).toMatchObject({ gaps: [], waiting: [expect.anything()] });
    expect(inbox.error).toBeUndefined();
    const [waiting] = inbox.waiting;
    expect(waiting).toMatchObject({
      cluster: "shop",
      service: "web",
      strategy: "Canary 10 % with approval",
      serviceDeploymentArn: shop.pausedDeployment,
      deploymentId: shop.pausedDeployment.split("/").pop(),
      hookId: shop.pausedHookId,
      lifecycleStage: "PRE_PRODUCTION_TRAFFIC_SHIFT",
      question: "Start sending 10 % of production traffic to shop-web:3?",
      targetLabel: "shop-web:3",
      sourceLabel: "shop-web:1",
      imageChanges: [{ container: "app", from: expect.stringMatching(/:1\./), to: expect.stringMatching(/:3\./) }],
      timeoutAction: "ROLLBACK",
    });
    // Started with the SDK, not through Slipway: nobody here is named.
    expect(waiting.startedBy).toBeUndefined();
    // The hook's timeout is 600 minutes: it began to wait exactly that long before it expires.
    expect(Date.parse(waiting.expiresAt!) - Date.parse(waiting.pausedSince!)).toBe(600 * 60_000);
    expectAwsCalls(local, INBOX_CALLS);
  });

  it("costs nothing more right after the clusters overview but the waiting deployments' revisions: the same reads, shared", async () => {
    await readClustersOverview(CONNECTION);
    const before = { ...awsCallCounts() };
    await readApprovalsInbox(CONNECTION);
    expect(awsCallCounts()).toEqual({ ...before, "ecs:DescribeServiceRevisions": (before["ecs:DescribeServiceRevisions"] ?? 0) + 1 });
  });

  it("is read once per interval however many browsers poll it, and again after a decision forgets it", async () => {
    const polls = await Promise.all(Array.from({ length: 20 }, () => cachedApprovalsInbox(CONNECTION)));
    expect(new Set(polls).size).toBe(1);
    clock += INBOX_TTL_MS - 1;
    await cachedApprovalsInbox(CONNECTION);
    expectAwsCalls(local, INBOX_CALLS);

    // Past the interval (and past the AWS reads' own second), the inbox is read again; and after a decision.
    clock += 1;
    configureReadCache();
    await cachedApprovalsInbox(CONNECTION);
    expect(local.calls("ListClusters")).toBe(2);
    configureReadCache();
    forgetApprovalsInbox(CONNECTION);
    await cachedApprovalsInbox(CONNECTION);
    expect(local.calls("ListClusters")).toBe(3);
  });
});
