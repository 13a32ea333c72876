import { describe, expect, it } from "vitest";
import { imageWarnings } from "./image-warnings";

describe("imageWarnings", () => {
  it.each([
    "nginx:latest", "nginx", "library/nginx:LATEST", "registry.example.com:5000/team/app", "ghcr.io/org/app:main", "app:stable", "app:nightly",
  ])("warns about %s and suggests a unique tag or digest", (image) => {
    const warnings = imageWarnings(image);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/unique tag .* digest/);
  });

  it.each([
    "nginx:1.27.2", "registry.example.com:5000/team/app:2024-11-26-abc123", "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop:1.4.2",
    "nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31", "nginx:latest@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31", "",
  ])("does not warn about %s", (image) => {
    expect(imageWarnings(image)).toEqual([]);
  });

  it("tells a missing tag from :latest", () => {
    expect(imageWarnings("nginx")[0]).toContain("no tag");
    expect(imageWarnings("nginx:latest")[0]).toContain(":latest");
  });
});
