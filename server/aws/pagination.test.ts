import { CreateTargetGroupCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listServiceArns, listTaskArns } from "./ecs-lists";
import { describeAllTargetGroups } from "./elb-lists";
import { ECS_PAGE_SIZE, ELB_PAGE_SIZE, listAll, listAllByMarker } from "./pagination";
import { CONNECTION, forgetEndpoint, seedCluster, startCountedLocalEcs, useEndpoint, type CountedLocalEcs } from "./test-local-ecs";

describe("listAll (nextToken)", () => {
  const pages: Record<string, { items: number[]; nextToken?: string }> = {
    start: { items: [1, 2], nextToken: "b" },
    b: { items: [3], nextToken: "c" },
    c: { items: [4] },
  };

  it("follows nextToken to the last page, asking for 100 at a time and keeping the caller's filters", async () => {
    const asked: object[] = [];
    const items = await listAll(
      async (input: { family?: string; nextToken?: string; maxResults?: number }) => {
        asked.push(input);
        return pages[input.nextToken ?? "start"];
      },
      { family: "web" },
      (page) => page.items,
    );
    expect(items).toEqual([1, 2, 3, 4]);
    expect(asked).toEqual([
      { family: "web", maxResults: ECS_PAGE_SIZE, nextToken: undefined },
      { family: "web", maxResults: ECS_PAGE_SIZE, nextToken: "b" },
      { family: "web", maxResults: ECS_PAGE_SIZE, nextToken: "c" },
    ]);
  });

  it("stops, rather than calling forever, when a token comes back twice", async () => {
    const looping = listAll(async () => ({ items: [1], nextToken: "same" }), {}, (page) => page.items);
    await expect(looping).rejects.toThrow(/already returned/);
  });

  it("treats an empty token as the end, and a page without items as none", async () => {
    const lastPage: { items?: number[]; nextToken?: string } = { nextToken: "" };
    expect(await listAll(async () => lastPage, {}, (page) => page.items)).toEqual([]);
  });
});

describe("listAllByMarker (ELBv2)", () => {
  it("follows NextMarker with PageSize 400", async () => {
    const asked: object[] = [];
    const items = await listAllByMarker(
      async (input: { Names?: string[]; Marker?: string; PageSize?: number }) => {
        asked.push(input);
        return input.Marker ? { Items: ["c"] } : { Items: ["a", "b"], NextMarker: "m2" };
      },
      { Names: ["x"] },
      (page) => page.Items,
    );
    expect(items).toEqual(["a", "b", "c"]);
    expect(asked).toEqual([
      { Names: ["x"], PageSize: ELB_PAGE_SIZE, Marker: undefined },
      { Names: ["x"], PageSize: ELB_PAGE_SIZE, Marker: "m2" },
    ]);
  });
});

describe("against local ECS", () => {
  const CLUSTER = "paging";
  let local: CountedLocalEcs;
  let taskArns: string[];

  beforeAll(async () => {
    local = await startCountedLocalEcs();
    taskArns = await seedCluster(local.ecs, CLUSTER, { services: 25, tasks: 250 });
  });
  afterAll(() => local.stop());
  beforeEach(() => {
    useEndpoint(local.emulator.endpoint);
    local.resetCalls();
  });
  afterEach(forgetEndpoint);

  it("lists 250 tasks in exactly 3 ListTasks calls", async () => {
    const listed = await listTaskArns(CONNECTION, { cluster: CLUSTER });
    expect(listed.sort()).toEqual([...taskArns].sort());
    expect(local.calls("ListTasks")).toBe(3);
  });

  it("lists 25 services in one ListServices call, where ECS's default page of 10 would take 3", async () => {
    const listed = await listServiceArns(CONNECTION, { cluster: CLUSTER });
    expect(listed).toHaveLength(25);
    expect(local.calls("ListServices")).toBe(1);
  });

  it("pages ELBv2 describes with Marker and PageSize", async () => {
    for (const name of ["tg-a", "tg-b", "tg-c"]) {
      await local.elb.send(new CreateTargetGroupCommand({ Name: name, Protocol: "HTTP", Port: 8080, VpcId: "vpc-0local", TargetType: "ip" }));
    }
    const groups = await describeAllTargetGroups(CONNECTION);
    expect(groups.map((group) => group.TargetGroupName).sort()).toEqual(["tg-a", "tg-b", "tg-c"]);
    expect(local.calls("DescribeTargetGroups")).toBe(1);
  });
});
