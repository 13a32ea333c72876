import { describe, expect, it } from "vitest";
import {
  draftStorageKey,
  draftText,
  parseDraftText,
  readStoredDraft,
  starterDraft,
  storedDraftText,
  valueAt,
  withItemAdded,
  withItemRemoved,
  withValueAt,
} from "./draft";
import { validTaskDefinition } from "./fixtures";
import { validateTaskDefinition } from "./validation";

describe("a value at a path of the draft", () => {
  const draft = validTaskDefinition();

  it("reads through objects and lists, and says undefined for a missing step", () => {
    expect(valueAt(draft, "containerDefinitions.0.portMappings.1.containerPort")).toBe(8125);
    expect(valueAt(draft, "family")).toBe("shop-web");
    expect(valueAt(draft, "containerDefinitions.5.name")).toBeUndefined();
    expect(valueAt(draft, "family.length.x")).toBeUndefined();
    expect(valueAt(draft, "")).toBe(draft);
  });

  it("sets a value without changing the draft it came from", () => {
    const edited = withValueAt(draft, "containerDefinitions.0.image", "shop:1.5.0");
    expect(valueAt(edited, "containerDefinitions.0.image")).toBe("shop:1.5.0");
    expect(draft.containerDefinitions![0]!.image).toBe("123456789012.dkr.ecr.us-east-1.amazonaws.com/shop:1.4.2");
    // Untouched branches are shared, so React sees only the changed container as new.
    expect(edited.containerDefinitions![1]).toBe(draft.containerDefinitions![1]);
  });

  it("creates the objects and lists on the way", () => {
    const edited = withValueAt({ family: "x" }, "containerDefinitions.0.healthCheck.retries", 3);
    expect(edited).toEqual({ family: "x", containerDefinitions: [{ healthCheck: { retries: 3 } }] });
  });

  it("leaves a member out when it is set to undefined, keeping the others in their order", () => {
    const edited = withValueAt(draft, "taskRoleArn", undefined);
    expect("taskRoleArn" in edited).toBe(false);
    expect(Object.keys(edited)[0]).toBe("family");
    expect(draftText(edited)).not.toContain("taskRoleArn");
  });
});

describe("list items", () => {
  it("adds at the end, creating the list", () => {
    const once = withItemAdded({ name: "app" }, "environment", { name: "A", value: "1" });
    const twice = withItemAdded(once, "environment", { name: "B", value: "2" });
    expect(twice).toEqual({ name: "app", environment: [{ name: "A", value: "1" }, { name: "B", value: "2" }] });
    expect(once).toEqual({ name: "app", environment: [{ name: "A", value: "1" }] });
  });

  it("removes one item by index, and the list with its last item", () => {
    const draft = validTaskDefinition();
    const withoutFirstPort = withItemRemoved(draft, "containerDefinitions.0.portMappings", 0);
    expect(valueAt(withoutFirstPort, "containerDefinitions.0.portMappings")).toEqual([{ containerPort: 8125, protocol: "udp" }]);
    const withoutSecrets = withItemRemoved(withItemRemoved(draft, "containerDefinitions.0.secrets", 1), "containerDefinitions.0.secrets", 0);
    expect(valueAt(withoutSecrets, "containerDefinitions.0")).not.toHaveProperty("secrets");
    const oneContainer = withItemRemoved(draft, "containerDefinitions", 1);
    expect(oneContainer.containerDefinitions!.map((container) => container.name)).toEqual(["app"]);
  });

  it("leaves a draft alone when the path is not a list", () => {
    const draft = validTaskDefinition();
    expect(withItemRemoved(draft, "family", 0)).toBe(draft);
  });
});

describe("the draft as JSON text", () => {
  it("is two-space JSON that parses back to the same draft", () => {
    const draft = validTaskDefinition();
    const text = draftText(draft);
    expect(text).toMatch(/^\{\n {2}"family": "shop-web",\n/);
    expect(parseDraftText(text)).toEqual({ ok: true, draft });
  });

  it("says at which line and column a syntax error is", () => {
    const text = '{\n  "family": "web",\n  "cpu": 256,,\n}';
    const parsed = parseDraftText(text);
    expect(parsed).toMatchObject({ ok: false, line: 3, column: 14, message: 'Expected a property name in double quotes, found ","' });
    expect(!parsed.ok && text[parsed.offset]).toBe(",");
  });

  it("places a text cut short at its end", () => {
    const text = '{\n  "family": "web"';
    expect(parseDraftText(text)).toMatchObject({ ok: false, line: 2, column: 18, offset: text.length, message: "The JSON ends before it is complete" });
  });

  it("refuses JSON that is not one object", () => {
    expect(parseDraftText("[1, 2]")).toMatchObject({ ok: false, message: "A task definition is one JSON object: { … }", line: 1, column: 1 });
  });
});

describe("the starter draft", () => {
  it("needs only a family and an image to be valid", () => {
    const result = validateTaskDefinition(starterDraft());
    expect(result.ok ? {} : result.fieldErrors).toEqual({ family: "Family is required.", "containerDefinitions.0.image": "Image is required." });
    const filled = withValueAt(withValueAt(starterDraft(), "family", "orders"), "containerDefinitions.0.image", "orders:1.0.0");
    expect(validateTaskDefinition(filled).ok).toBe(true);
  });
});

describe("the stored draft", () => {
  it("is kept per revision the edit started from, or as new", () => {
    expect(draftStorageKey("web:5")).toBe("slipway:taskdef-draft:web:5");
    expect(draftStorageKey(undefined)).toBe("slipway:taskdef-draft:new");
    expect(draftStorageKey("")).toBe("slipway:taskdef-draft:new");
  });

  it("keeps text that does not parse, the change note and where it started from", () => {
    const stored = { text: '{ "family": "web", ', changeNote: "Bump", basedOn: "arn:aws:ecs:us-east-1:1:task-definition/web:5", savedAt: "2026-11-26T12:04:00.000Z" };
    expect(readStoredDraft(storedDraftText(stored))).toEqual(stored);
  });

  it("reads nothing from an empty, foreign or broken entry", () => {
    expect(readStoredDraft(null)).toBeUndefined();
    expect(readStoredDraft("not json")).toBeUndefined();
    expect(readStoredDraft(JSON.stringify({ text: 1, savedAt: "2026-11-26T12:04:00.000Z" }))).toBeUndefined();
    expect(readStoredDraft(JSON.stringify({ text: "{}", savedAt: "yesterday" }))).toBeUndefined();
    expect(readStoredDraft(JSON.stringify({ text: "{}", savedAt: "2026-11-26T12:04:00.000Z", changeNote: 3 }))).toEqual({
      text: "{}",
      changeNote: "",
      savedAt: "2026-11-26T12:04:00.000Z",
    });
  });
});
