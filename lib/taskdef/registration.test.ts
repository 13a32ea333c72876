import { readFileSync } from "node:fs";
import type { TaskDefinition } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { taskDefinitionFor, WEB } from "@/emulator/seed/apps";
import {
  CHANGE_NOTE_TAG,
  changeNoteOf,
  parseTaskDefinitionFile,
  registrationFileName,
  registrationJson,
  tagsWithChangeNote,
  toRegistration,
  type Registration,
} from "./registration";

const { tags: registeredTags, ...seededDefinition } = taskDefinitionFor(WEB, "1.4.2", "us-east-1");
/** The demo's tags other than its change note ("app" and "version"). */
const seededTags = registeredTags!.filter((tag) => tag.key !== CHANGE_NOTE_TAG);
/** The registration of web:4, as it is registered again. */
const seeded: Registration = { ...seededDefinition, tags: seededTags };

/** What DescribeTaskDefinition answers for the seeded revision: the registration and what ECS adds to it. */
const described: TaskDefinition = {
  ...seededDefinition,
  taskDefinitionArn: "arn:aws:ecs:us-east-1:000000000000:task-definition/web:4",
  revision: 4,
  status: "ACTIVE",
  compatibilities: ["EC2", "FARGATE"],
  requiresAttributes: [{ name: "ecs.capability.execution-role-awslogs" }],
  registeredAt: new Date("2025-03-01T10:00:00Z"),
  registeredBy: "arn:aws:iam::000000000000:user/dana",
  volumes: [],
  placementConstraints: [],
};
const note = { key: CHANGE_NOTE_TAG, value: "Release 1.4.2: faster start-up" };

describe("toRegistration", () => {
  it("gives back what was registered: read-only members and empty lists dropped, tags kept, the change note left out", () => {
    expect(toRegistration(described, [...seededTags!, note])).toEqual(seeded);
  });

  it("writes members in the API reference's order, tags among them", () => {
    const shuffled = Object.fromEntries(Object.entries(described).reverse()) as TaskDefinition;
    expect(Object.keys(toRegistration(shuffled, seededTags))).toEqual([
      "family", "taskRoleArn", "executionRoleArn", "networkMode", "containerDefinitions", "requiresCompatibilities", "cpu", "memory", "tags", "runtimePlatform",
    ]);
  });

  it("leaves tags out when the change note was the only one", () => {
    expect(toRegistration(described, [note])).not.toHaveProperty("tags");
    expect(toRegistration(described)).not.toHaveProperty("tags");
  });

  it("prunes empty lists and objects at any depth, and keeps false and zero", () => {
    const definition: TaskDefinition = {
      ...described,
      containerDefinitions: [{ name: "app", image: "app:1", essential: false, cpu: 0, environment: [], dockerLabels: {}, mountPoints: [] }],
    };
    expect(toRegistration(definition).containerDefinitions).toEqual([{ name: "app", image: "app:1", essential: false, cpu: 0 }]);
  });
});

describe("parseTaskDefinitionFile", () => {
  it("takes a registration as it is, its change note apart", () => {
    const imported = parseTaskDefinitionFile(JSON.stringify({ ...seeded, tags: [...seededTags!, note] }));
    expect(imported).toEqual({ ok: true, registration: seeded, dropped: [], changeNote: note.value });
  });

  it("takes describe-task-definition output, dropping and listing the read-only members", () => {
    const output = { taskDefinition: described, tags: [note, ...seededTags!] };
    const imported = parseTaskDefinitionFile(JSON.stringify(output, null, 4));
    expect(imported).toEqual({
      ok: true,
      registration: seeded,
      dropped: ["taskDefinitionArn", "revision", "status", "requiresAttributes", "compatibilities", "registeredAt", "registeredBy"],
      changeNote: note.value,
    });
  });

  it("takes the emulator's example taskdef.json", () => {
    const text = readFileSync(new URL("../../emulator/examples/taskdef.json", import.meta.url), "utf8");
    const imported = parseTaskDefinitionFile(text);
    expect(imported).toMatchObject({ ok: true, dropped: [], registration: { family: "hello", cpu: "256", memory: "512" } });
    expect(imported.ok && imported.registration.containerDefinitions?.map((container) => container.image)).toEqual(["public.ecr.aws/nginx/nginx:1.27-alpine"]);
    expect(imported.ok && imported.changeNote).toBeUndefined();
  });

  it.each([
    ["a doubled comma", '{\n  "family": "web",\n  "cpu": "256",,\n}', 3, 16],
    ["a trailing comma in a list", '{\n  "requiresCompatibilities": ["FARGATE",]\n}', 2, 41],
    ["a misspelt literal", '{\n  "containerDefinitions": [{ "essential": tru }]\n}', 2, 43],
    ["a file cut short after a value", '{\n  "family": "web"', 2, 18],
    ["a file cut short before a value", '{\n  "family": ', 2, 13],
    ["an empty file", "", 1, 1],
    ["text after the object", '{"family": "web"}\n}', 2, 1],
    ["a raw line break in a string", '{"family": "we\nb"}', 1, 12],
  ])("says where %s makes it not JSON", (_, text, line, column) => {
    const imported = parseTaskDefinitionFile(text);
    expect(imported).toMatchObject({ ok: false, line, column });
    expect(!imported.ok && imported.message).toMatch(/^This is not JSON: /);
  });

  it.each([["a list", "[]"], ["a string", '"web"'], ["null", "null"]])("refuses %s: a task definition file holds one object", (_, text) => {
    expect(parseTaskDefinitionFile(text)).toEqual({ ok: false, message: expect.stringContaining("one JSON object") });
  });

  it("refuses an object that is not a task definition", () => {
    expect(parseTaskDefinitionFile('{"name": "web", "version": "1.0.0"}')).toEqual({ ok: false, message: expect.stringContaining("does not look like a task definition") });
  });
});

describe("change notes", () => {
  it("reads the change note, and none when its value is empty", () => {
    expect(changeNoteOf([...seededTags!, note])).toBe(note.value);
    expect(changeNoteOf(seededTags)).toBeUndefined();
    expect(changeNoteOf([{ key: CHANGE_NOTE_TAG, value: "" }])).toBeUndefined();
    expect(changeNoteOf(undefined)).toBeUndefined();
  });

  it("replaces the note and keeps the other tags", () => {
    expect(tagsWithChangeNote([...seededTags!, note], "  Roll back to 1.4.1  ")).toEqual([...seededTags!, { key: CHANGE_NOTE_TAG, value: "Roll back to 1.4.1" }]);
  });

  it("drops the note when the new one is blank, and gives no tags when none are left", () => {
    expect(tagsWithChangeNote([...seededTags!, note], "   ")).toEqual(seededTags);
    expect(tagsWithChangeNote([note], "")).toBeUndefined();
    expect(tagsWithChangeNote(undefined, "First revision")).toEqual([{ key: CHANGE_NOTE_TAG, value: "First revision" }]);
  });
});

describe("export", () => {
  it("writes two-space JSON with a final newline that imports back to the same registration", () => {
    const registration: Registration = toRegistration(described, seededTags);
    const text = registrationJson(registration);
    expect(text).toMatch(/^\{\n {2}"family": "web",\n/);
    expect(text.endsWith("}\n")).toBe(true);
    expect(parseTaskDefinitionFile(text)).toEqual({ ok: true, registration, dropped: [], changeNote: undefined });
  });

  it("names the file after the family and revision", () => {
    expect(registrationFileName("web", 7)).toBe("web-7.json");
    expect(registrationFileName("web", undefined)).toBe("web.json");
  });
});
