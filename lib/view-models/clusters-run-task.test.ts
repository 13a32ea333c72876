import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/action-result";
import { runTaskInput } from "@/lib/schemas/operations";
import type { ServiceRow } from "./clusters";
import { defaultFamily, emptyRunTaskForm, fieldError, networkDefault, runTaskInputOf, toTaskDefinitionNeeds, type RunTaskForm } from "./clusters-run-task";

const NETWORK = { subnets: ["subnet-0a1f3c5e7b9d24681", "subnet-0b2e4d6f8a1c35792"], securityGroups: ["sg-0c3d5e7f9a1b24680"], assignPublicIp: "DISABLED" as const };
const service = (name: string, network?: typeof NETWORK) => ({ name, network }) as ServiceRow;

describe("networkDefault", () => {
  it("takes the first service that has an awsvpc network, and says which", () => {
    expect(networkDefault([service("api"), service("web", NETWORK), service("worker", { ...NETWORK, subnets: ["subnet-0fffffff"] })])).toEqual({ service: "web", network: NETWORK });
    expect(networkDefault([service("api")])).toBeUndefined();
  });
});

describe("runTaskInputOf", () => {
  const form: RunTaskForm = emptyRunTaskForm("web:4", { service: "web", network: NETWORK });

  it("prefills one task on the cluster's default capacity, in the service's network", () => {
    expect(form).toEqual({
      taskDefinition: "web:4",
      count: "1",
      capacityProvider: "",
      subnets: "subnet-0a1f3c5e7b9d24681, subnet-0b2e4d6f8a1c35792",
      securityGroups: "sg-0c3d5e7f9a1b24680",
      assignPublicIp: "DISABLED",
    });
  });

  it("sends an empty strategy for the cluster default, and weight 1 on a chosen provider", () => {
    expect(runTaskInputOf("demo", form, true)).toEqual({ cluster: "demo", taskDefinition: "web:4", count: "1", capacityProviderStrategy: [], network: NETWORK });
    expect(runTaskInputOf("demo", { ...form, capacityProvider: "FARGATE_SPOT" }, true).capacityProviderStrategy).toEqual([{ capacityProvider: "FARGATE_SPOT", weight: 1, base: 0 }]);
  });

  it("reads lists split by commas or spaces", () => {
    const input = runTaskInputOf("demo", { ...form, subnets: " subnet-0a1b2c3d,subnet-0e1f2a3b  subnet-0c1d2e3f ", securityGroups: "" }, true);
    expect(input.network).toEqual({ subnets: ["subnet-0a1b2c3d", "subnet-0e1f2a3b", "subnet-0c1d2e3f"], securityGroups: [], assignPublicIp: "DISABLED" });
  });

  it("leaves the network out for a task definition that does not use awsvpc, and, while unknown, when no subnet is given", () => {
    expect(runTaskInputOf("demo", form, false)).not.toHaveProperty("network");
    expect(runTaskInputOf("demo", { ...form, subnets: "" }, undefined)).not.toHaveProperty("network");
    expect(runTaskInputOf("demo", form, undefined)).toHaveProperty("network");
  });

  it("gives the schema what it needs to name the field at fault", () => {
    const parsed = runTaskInput.safeParse(runTaskInputOf("demo", { ...form, count: "11", subnets: "" }, true));
    expect(parsed.success).toBe(false);
    const errors = fieldErrorsOf(parsed.error!.issues);
    expect(fieldError(errors, "count")).toBe("Count must be at most 10.");
    expect(fieldError(errors, "network.subnets")).toBe("Tasks in awsvpc mode need at least one subnet.");
    expect(runTaskInput.safeParse(runTaskInputOf("demo", form, true)).success).toBe(true);
  });
});

describe("fieldError", () => {
  it("finds a message at a field or at an item inside it", () => {
    const errors = { count: "Count must be a number.", "network.securityGroups.1": "Security group ids look like sg-0a1b2c3d." };
    expect(fieldError(errors, "count")).toBe("Count must be a number.");
    expect(fieldError(errors, "network.securityGroups")).toBe("Security group ids look like sg-0a1b2c3d.");
    expect(fieldError(errors, "network.subnets")).toBeUndefined();
    expect(fieldError(undefined, "count")).toBeUndefined();
  });
});

describe("toTaskDefinitionNeeds", () => {
  const arn = "arn:aws:ecs:us-east-1:000000000000:task-definition/web:4";
  it("says an awsvpc task definition needs subnets, and others do not", () => {
    expect(toTaskDefinitionNeeds({ taskDefinitionArn: arn, networkMode: "awsvpc", status: "ACTIVE" })).toEqual({
      taskDefinition: { arn, family: "web", revision: 4, label: "web:4" },
      status: "ACTIVE",
      networkMode: "awsvpc",
      needsSubnets: true,
    });
    expect(toTaskDefinitionNeeds({ taskDefinitionArn: arn, networkMode: "bridge" })?.needsSubnets).toBe(false);
    expect(toTaskDefinitionNeeds({ taskDefinitionArn: arn })?.needsSubnets).toBe(false);
  });
});

describe("defaultFamily", () => {
  const runs = (name: string, family: string) => ({ name, taskDefinition: { family } }) as ServiceRow;
  it("offers first what a service of the cluster runs, else the first family", () => {
    expect(defaultFamily(["api", "scratch-web", "web"], [runs("a", "gone"), runs("web", "scratch-web")])).toBe("scratch-web");
    expect(defaultFamily(["api", "web"], [runs("a", "gone")])).toBe("api");
    expect(defaultFamily([], [runs("web", "web")])).toBeUndefined();
  });
});
