import type { ContainerDefinition, TaskDefinition } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { taskDefinitionFor, WEB } from "@/emulator/seed/apps";
import { MASK } from "@/lib/secrets/mask";
import { maskRegistrationPair } from "@/lib/secrets/mask-registration";
import { diffRegistrations, type DiffRow, type LineRow } from "./diff";
import { alignLines, foldUnchanged } from "./diff-lines";
import { CHANGE_NOTE_TAG, toRegistration, type Registration } from "./registration";

/** The demo's web revision as toRegistration gives it: its change note is not part of the registration. */
function web(version: string): Registration {
  const registration = taskDefinitionFor(WEB, version, "us-east-1");
  return { ...registration, tags: registration.tags!.filter((tag) => tag.key !== CHANGE_NOTE_TAG) };
}

function withContainer(registration: Registration, edit: (container: ContainerDefinition) => void): Registration {
  const copy = structuredClone(registration);
  edit(copy.containerDefinitions![0]!);
  return copy;
}

const sidecar: ContainerDefinition = { name: "envoy", image: "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29", essential: false, memoryReservation: 64 };

function unfolded(rows: DiffRow[]): LineRow[] {
  return rows.flatMap((row) => (row.kind === "folded" ? row.rows : [row]));
}

describe("diffRegistrations: what changed", () => {
  it("finds nothing between two described revisions that differ only in what ECS sets", () => {
    const described = (revision: number, registeredAt: Date): TaskDefinition => ({
      ...web("1.4.2"),
      taskDefinitionArn: `arn:aws:ecs:us-east-1:000000000000:task-definition/web:${revision}`,
      revision,
      status: revision === 4 ? "INACTIVE" : "ACTIVE",
      registeredAt,
      registeredBy: "arn:aws:iam::000000000000:user/someone",
      compatibilities: ["EC2", "FARGATE"],
      requiresAttributes: [{ name: "com.amazonaws.ecs.capability.docker-remote-api.1.18" }],
    });
    const diff = diffRegistrations(toRegistration(described(4, new Date("2025-01-01"))), toRegistration(described(5, new Date("2025-02-01"))));
    expect(diff.changes).toEqual([]);
    expect(unfolded(diff.rows).every((row) => row.kind === "same")).toBe(true);
  });

  it("names an image change by container, with its validation path and both values", () => {
    const newer = withContainer(web("1.4.2"), (container) => (container.image = "public.ecr.aws/slipway/web:1.5.0"));
    expect(diffRegistrations(web("1.4.2"), newer).changes).toEqual([
      {
        path: "containerDefinitions.0.image",
        label: "Container web › image",
        kind: "changed",
        before: "public.ecr.aws/slipway/web:1.4.2",
        after: "public.ecr.aws/slipway/web:1.5.0",
      },
    ]);
  });

  it("reads the demo's release as its image, APP_VERSION and version tag", () => {
    const labels = diffRegistrations(web("1.4.2"), web("1.5.0-rc.1")).changes.map((change) => [change.label, change.before, change.after]);
    expect(labels).toEqual([
      ["Container web › image", "public.ecr.aws/slipway/web:1.4.2", "public.ecr.aws/slipway/web:1.5.0-rc.1"],
      ["Container web › environment › APP_VERSION", "1.4.2", "1.5.0-rc.1"],
      ["Tags › version", "1.4.2", "1.5.0-rc.1"],
    ]);
  });

  it("does not count reordered containers, environment, tags or members as changes", () => {
    const older = { ...web("1.4.2"), containerDefinitions: [...web("1.4.2").containerDefinitions!, sidecar] };
    const reordered = structuredClone(older);
    reordered.containerDefinitions!.reverse();
    reordered.containerDefinitions![1]!.environment!.reverse();
    reordered.tags!.reverse();
    const shuffled = Object.fromEntries(Object.entries(reordered).reverse()) as unknown as Registration;
    shuffled.containerDefinitions = shuffled.containerDefinitions!.map((container) => Object.fromEntries(Object.entries(container).reverse()));
    expect(diffRegistrations(older, shuffled).changes).toEqual([]);
  });

  it("compares command, entry point, port mappings and health check command by position", () => {
    const older = withContainer(web("1.4.2"), (container) => (container.command = ["node", "server.js"]));
    const newer = withContainer(older, (container) => {
      container.command = ["server.js", "node"];
      container.healthCheck!.command = ["CMD", "true"];
      container.portMappings = [{ containerPort: 8080, protocol: "tcp" }, { containerPort: 9090 }];
    });
    const changes = diffRegistrations(older, newer).changes;
    expect(changes.map(({ path, kind }) => [path, kind])).toEqual([
      ["containerDefinitions.0.portMappings.0.name", "removed"],
      ["containerDefinitions.0.portMappings.0.appProtocol", "removed"],
      ["containerDefinitions.0.portMappings.1", "added"],
      ["containerDefinitions.0.command", "changed"],
      ["containerDefinitions.0.healthCheck.command", "changed"],
    ]);
    expect(changes[2]).toMatchObject({ label: "Container web › portMappings › #2", after: { containerPort: 9090 } });
    expect(changes[3]).toMatchObject({ label: "Container web › command", before: ["node", "server.js"], after: ["server.js", "node"] });
  });

  it("lists added and removed variables, secrets, containers and task members, with values rather than entries", () => {
    const newer = withContainer(web("1.4.2"), (container) => {
      container.environment = container.environment!.filter((entry) => entry.name !== "LOG_LEVEL");
      container.environment.push({ name: "FEATURE_FLAGS", value: "beta" });
      container.secrets = [{ name: "DB_PASSWORD", valueFrom: "arn:aws:ssm:us-east-1:000000000000:parameter/db" }];
    });
    newer.containerDefinitions!.push(sidecar);
    newer.memory = "1024";
    delete newer.taskRoleArn;
    const changes = diffRegistrations(web("1.4.2"), newer).changes;
    expect(changes).toEqual([
      { path: "taskRoleArn", label: "Task › taskRoleArn", kind: "removed", before: "arn:aws:iam::000000000000:role/web-task" },
      { path: "containerDefinitions.0.environment.2", label: "Container web › environment › LOG_LEVEL", kind: "removed", before: "info" },
      { path: "containerDefinitions.0.environment.4", label: "Container web › environment › FEATURE_FLAGS", kind: "added", after: "beta" },
      {
        path: "containerDefinitions.0.secrets.0",
        label: "Container web › secrets › DB_PASSWORD",
        kind: "added",
        after: "arn:aws:ssm:us-east-1:000000000000:parameter/db",
      },
      { path: "containerDefinitions.1", label: "Container envoy", kind: "added", after: sidecar },
      { path: "memory", label: "Task › memory", kind: "changed", before: "512", after: "1024" },
    ]);
  });

  it("treats a missing list and an empty one alike", () => {
    const newer = withContainer(web("1.4.2"), (container) => (container.mountPoints = []));
    expect(diffRegistrations(web("1.4.2"), { ...newer, volumes: [] }).changes).toEqual([]);
  });

  it("uses the older side's index for what only it has", () => {
    const older = { ...web("1.4.2"), containerDefinitions: [sidecar, ...web("1.4.2").containerDefinitions!] };
    const [change] = diffRegistrations(older, web("1.4.2")).changes;
    expect(change).toMatchObject({ path: "containerDefinitions.0", label: "Container envoy", kind: "removed" });
  });

  it("keeps two entries of the same name apart", () => {
    const older = withContainer(web("1.4.2"), (container) => container.environment!.push({ name: "LOG_LEVEL", value: "warn" }));
    const newer = withContainer(older, (container) => (container.environment![5]!.value = "error"));
    expect(diffRegistrations(older, newer).changes).toMatchObject([{ label: "Container web › environment › LOG_LEVEL (2)", before: "warn", after: "error" }]);
  });
});

describe("diffRegistrations: side by side", () => {
  it("prints both sides in one order, so a reordered environment lines up as unchanged", () => {
    const newer = withContainer(web("1.4.2"), (container) => container.environment!.reverse());
    const rows = unfolded(diffRegistrations(web("1.4.2"), newer).rows);
    expect(rows.every((row) => row.kind === "same" && row.left.text === row.right.text)).toBe(true);
  });

  it("puts a changed line beside its old version, with both line numbers", () => {
    const newer = withContainer(web("1.4.2"), (container) => (container.image = "public.ecr.aws/slipway/web:1.5.0"));
    const changed = diffRegistrations(web("1.4.2"), newer).rows.filter((row) => row.kind === "changed");
    expect(changed).toEqual([
      {
        kind: "changed",
        left: { number: 9, text: '      "image": "public.ecr.aws/slipway/web:1.4.2",' },
        right: { number: 9, text: '      "image": "public.ecr.aws/slipway/web:1.5.0",' },
      },
    ]);
  });

  it("shows an added container as added lines on the right only, at the place it has there", () => {
    const newer = { ...web("1.4.2"), containerDefinitions: [...web("1.4.2").containerDefinitions!, sidecar] };
    const rows = unfolded(diffRegistrations(web("1.4.2"), newer).rows);
    const added = rows.filter((row) => row.kind !== "same");
    expect(added.every((row) => row.kind === "added")).toBe(true);
    expect(added.map((row) => row.right!.text.trim())).toContain('"name": "envoy",');
    expect(rows.filter((row) => row.left).map((row) => row.left!.number)).toEqual(rows.filter((row) => row.left).map((_, index) => index + 1));
  });
});

describe("diffRegistrations: hidden values", () => {
  const rotated = withContainer(web("1.4.2"), (container) => {
    container.environment = container.environment!.map((entry) => (entry.name === "SESSION_SECRET" ? { ...entry, value: "rotated-7d1e" } : entry));
    container.secrets = [{ name: "DB_PASSWORD", valueFrom: "arn:aws:ssm:us-east-1:000000000000:parameter/db" }];
  });
  const withSecret = withContainer(web("1.4.2"), (container) => (container.secrets = [{ name: "DB_PASSWORD", valueFrom: "arn:aws:ssm:us-east-1:000000000000:parameter/db-v2" }]));

  it("lists a value masked on both sides as hidden, neither changed nor unchanged", () => {
    const diff = diffRegistrations(...maskRegistrationPair(withSecret, rotated, false));
    expect(diff.changes).toEqual([]);
    expect(diff.hidden).toEqual([
      { path: "containerDefinitions.0.environment.3.value", label: "Container web › environment › SESSION_SECRET" },
      { path: "containerDefinitions.0.secrets.0.valueFrom", label: "Container web › secrets › DB_PASSWORD" },
    ]);
    const rows = unfolded(diff.rows);
    expect(rows.filter((row) => row.kind === "hidden").map((row) => row.right!.text.trim())).toEqual([`"value": "${MASK}"`, `"valueFrom": "${MASK}"`]);
    expect(rows.some((row) => row.kind === "same" && row.left.text.includes(MASK))).toBe(false);
  });

  it("says the same whether a hidden value changed or not", () => {
    const unchanged = diffRegistrations(...maskRegistrationPair(withSecret, withSecret, false));
    const changed = diffRegistrations(...maskRegistrationPair(withSecret, rotated, false));
    expect(changed).toEqual(unchanged);
  });

  it("keeps hidden lines out of folded runs of unchanged ones", () => {
    const diff = diffRegistrations(...maskRegistrationPair(web("1.4.2"), web("1.5.0-rc.1"), false));
    const folded = diff.rows.flatMap((row) => (row.kind === "folded" ? row.rows : []));
    expect(folded.some((row) => row.left!.text.includes(MASK))).toBe(false);
    expect(diff.rows.some((row) => row.kind === "hidden")).toBe(true);
  });

  it("hides nothing from those who may see secrets", () => {
    const diff = diffRegistrations(...maskRegistrationPair(withSecret, rotated, true));
    expect(diff.hidden).toEqual([]);
    expect(diff.changes.map((change) => change.label)).toEqual(["Container web › environment › SESSION_SECRET", "Container web › secrets › DB_PASSWORD"]);
  });
});

describe("alignLines and foldUnchanged", () => {
  it("pairs removed lines with added ones and leaves the rest on one side", () => {
    expect(alignLines(["a", "b", "c", "d"], ["a", "B", "C", "X", "d"]).map((row) => row.kind)).toEqual(["same", "changed", "changed", "added", "same"]);
    expect(alignLines(["a", "b"], []).map((row) => row.kind)).toEqual(["removed", "removed"]);
    expect(alignLines([], [])).toEqual([]);
  });

  it("folds long unchanged runs and keeps three lines of context beside each change", () => {
    const left = Array.from({ length: 30 }, (_, index) => `line ${index}`);
    const right = left.map((text, index) => (index === 15 ? "changed" : text));
    const rows = foldUnchanged(alignLines(left, right));
    expect(rows.map((row) => (row.kind === "folded" ? `folded ${row.count}` : row.kind))).toEqual([
      "folded 12", "same", "same", "same", "changed", "same", "same", "same", "folded 11",
    ]);
    const folded = rows[0]!;
    expect(folded.kind === "folded" && folded.rows.map((row) => row.left?.number)).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
  });

  it("does not fold a run that would hide fewer than three lines", () => {
    const rows = foldUnchanged(alignLines(["x", "1", "2", "3", "4", "5", "6", "7", "8", "y"], ["X", "1", "2", "3", "4", "5", "6", "7", "8", "Y"]));
    expect(rows.some((row) => row.kind === "folded")).toBe(false);
  });
});
