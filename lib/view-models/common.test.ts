import { describe, expect, it } from "vitest";
import { idOfArn, isoDate, taskDefinitionRef } from "./common";

describe("taskDefinitionRef", () => {
  it("names a revision from its ARN, or from family:revision", () => {
    expect(taskDefinitionRef("arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7")).toEqual({
      arn: "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7",
      family: "web",
      revision: 7,
      label: "web:7",
    });
    expect(taskDefinitionRef("web:12")).toMatchObject({ family: "web", revision: 12, label: "web:12" });
  });

  it("has nothing to name without a revision", () => {
    expect(taskDefinitionRef("web")).toBeUndefined();
    expect(taskDefinitionRef("arn:aws:ecs:eu-west-1:123456789012:cluster/web")).toBeUndefined();
    expect(taskDefinitionRef(undefined)).toBeUndefined();
  });
});

describe("isoDate", () => {
  it("turns SDK dates into ISO strings, and an invalid date into nothing", () => {
    expect(isoDate(new Date(Date.UTC(2025, 5, 1, 12)))).toBe("2025-06-01T12:00:00.000Z");
    expect(isoDate(new Date(Number.NaN))).toBeUndefined();
    expect(isoDate(undefined)).toBeUndefined();
  });
});

describe("idOfArn", () => {
  it("is the last segment of the resource path", () => {
    expect(idOfArn("arn:aws:ecs:us-east-1:000000000000:service-deployment/shop/web/XR0H9srq")).toBe("XR0H9srq");
  });
});
