import { describe, expect, it } from "vitest";
import {
  contrastRatio,
  renderSampleAppPage,
  sampleAppDocument,
  sampleAppIdentity,
  VERSION_COLOUR_COUNT,
  versionColour,
  type SampleAppInput,
} from "./sample-app";

const input: SampleAppInput = {
  image: "public.ecr.aws/nginx/nginx:1.27",
  taskArn: "arn:aws:ecs:us-east-1:000000000000:task/demo/0f3a9c2b7d1e4f5a8b6c9d0e1f2a3b4c",
  taskDefinitionArn: "arn:aws:ecs:us-east-1:000000000000:task-definition/web:7",
  containerName: "web",
  clusterName: "demo",
  serviceName: "storefront",
};
const servedAt = new Date("2025-01-02T03:04:05.000Z");

describe("versionColour", () => {
  it("gives the same image the same colour every time", () => {
    expect(versionColour("app:v1")).toEqual(versionColour("app:v1"));
    expect(versionColour(input.image)).toEqual(versionColour(input.image));
  });

  it("gives the tags of a typical rollout visibly different colours", () => {
    const rollouts = [
      ["app:v1", "app:v2"],
      ["app:blue", "app:green"],
      ["nginx:1.25", "nginx:1.26"],
      ["public.ecr.aws/nginx/nginx:1.25", "public.ecr.aws/nginx/nginx:1.27"],
      ["web:1.0.0", "web:1.0.1"],
    ];
    for (const [before, after] of rollouts) {
      expect(versionColour(before).background, `${before} → ${after}`).not.toBe(versionColour(after).background);
      expect(versionColour(before).name, `${before} → ${after}`).not.toBe(versionColour(after).name);
    }
  });

  it("spreads images evenly over its palette", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2400; i++) {
      const { name } = versionColour(`registry.example/app:build-${i}`);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    expect(counts.size).toBe(VERSION_COLOUR_COUNT);
    for (const count of counts.values()) expect(count).toBeGreaterThan(50);
  });

  it("keeps the version band's text readable (WCAG AA) in every colour", () => {
    const seen = new Set<string>();
    for (let i = 0; seen.size < VERSION_COLOUR_COUNT && i < 10_000; i++) {
      const colour = versionColour(`app:${i}`);
      seen.add(colour.background);
      expect(contrastRatio(colour.background, colour.text), colour.name).toBeGreaterThanOrEqual(4.5);
    }
    expect(seen.size).toBe(VERSION_COLOUR_COUNT);
  });
});

describe("sampleAppIdentity", () => {
  it("reads the task id and family:revision from the ARNs", () => {
    const identity = sampleAppIdentity(input);
    expect(identity.taskId).toBe("0f3a9c2b7d1e4f5a8b6c9d0e1f2a3b4c");
    expect(identity.taskDefinition).toBe("web:7");
  });

  it("reads the task id from an old-format task ARN", () => {
    expect(sampleAppIdentity({ ...input, taskArn: "arn:aws:ecs:us-east-1:000000000000:task/abc123" }).taskId).toBe("abc123");
  });
});

describe("sampleAppDocument", () => {
  it("carries what a canary watcher needs to tell versions apart", () => {
    const identity = sampleAppIdentity(input);
    expect(sampleAppDocument(identity, servedAt)).toEqual({
      image: input.image,
      taskArn: input.taskArn,
      taskId: "0f3a9c2b7d1e4f5a8b6c9d0e1f2a3b4c",
      taskDefinitionArn: input.taskDefinitionArn,
      taskDefinition: "web:7",
      containerName: "web",
      clusterName: "demo",
      serviceName: "storefront",
      colour: identity.colour.background,
      colourName: identity.colour.name,
      servedAt: "2025-01-02T03:04:05.000Z",
    });
  });
});

describe("renderSampleAppPage", () => {
  const page = renderSampleAppPage(sampleAppIdentity(input), servedAt);

  it("is an accessible document with a language, a title and headings", () => {
    expect(page).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(page).toContain("<title>web · web:7 — Slipway sample app</title>");
    expect(page).toContain(`<h1>${input.image}</h1>`);
    expect(page).toMatch(/<h2 id="task-heading">/);
    expect(page).toContain('<meta name="viewport"');
  });

  it("shows the image, revision, task, container, cluster, service and time", () => {
    for (const text of [input.image, "web:7", "0f3a9c2b7d1e4f5a8b6c9d0e1f2a3b4c", "<dd>web</dd>", "<dd>demo</dd>", "<dd>storefront</dd>"]) {
      expect(page).toContain(text);
    }
    expect(page).toContain('<time datetime="2025-01-02T03:04:05.000Z">');
  });

  it("names the version colour in words as well as showing it", () => {
    const colour = versionColour(input.image);
    expect(page).toContain(`background: ${colour.background}; color: ${colour.text};`);
    expect(page).toContain(`<strong>${colour.name}</strong>`);
  });

  it("leaves out the service row for a standalone task", () => {
    const standalone = renderSampleAppPage(sampleAppIdentity({ ...input, serviceName: undefined }), servedAt);
    expect(standalone).not.toContain("<dt>Service</dt>");
    expect(page).toContain("<dt>Service</dt>");
  });

  it("loads nothing from elsewhere", () => {
    expect(page).not.toMatch(/<script|src=|url\(|@import|https?:\/\//i);
  });

  it("escapes what it shows", () => {
    const hostile = renderSampleAppPage(sampleAppIdentity({ ...input, containerName: '<script>alert("x")</script>' }), servedAt);
    expect(hostile).not.toContain("<script>");
    expect(hostile).toContain("&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;");
  });
});
