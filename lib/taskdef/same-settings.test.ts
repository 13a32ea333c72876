import { describe, expect, it } from "vitest";
import { sameSettings } from "./same-settings";

const base = {
  family: "web",
  cpu: "256",
  containerDefinitions: [{ name: "web", image: "nginx:1.27", portMappings: [{ containerPort: 80 }] }],
};

describe("sameSettings", () => {
  it("is true for the revision as it was, whatever the member order or empty lists", () => {
    const reordered = { containerDefinitions: [{ portMappings: [{ containerPort: 80 }], image: "nginx:1.27", name: "web", environment: [] }], cpu: "256", family: "web", volumes: [] };
    expect(sameSettings(reordered, base)).toBe(true);
  });

  it("is false when any value changes", () => {
    expect(sameSettings({ ...base, cpu: "512" }, base)).toBe(false);
    expect(sameSettings({ ...base, containerDefinitions: [{ ...base.containerDefinitions[0], image: "nginx:1.28" }] }, base)).toBe(false);
  });

  it("is false when containers change order, since order is part of a task definition", () => {
    const two = { ...base, containerDefinitions: [{ name: "a", image: "a" }, { name: "b", image: "b" }] };
    const swapped = { ...base, containerDefinitions: [{ name: "b", image: "b" }, { name: "a", image: "a" }] };
    expect(sameSettings(swapped, two)).toBe(false);
  });
});
