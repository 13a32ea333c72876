import type { Task, TaskDefinition } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { toTaskDefinitionSummary, toTaskDetail } from "./task-detail";

const definition: TaskDefinition = {
  taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/web:7",
  family: "web",
  revision: 7,
  networkMode: "awsvpc",
  containerDefinitions: [
    { name: "app", image: "web:1.2.3", portMappings: [{ containerPort: 8080, protocol: "tcp" }], healthCheck: { command: ["CMD-SHELL", "curl -f localhost:8080/health"] } },
    { name: "log-router", image: "fluent-bit:3", essential: false },
  ],
  registeredAt: new Date(Date.UTC(2025, 5, 1)),
};

const task: Task = {
  taskArn: "arn:aws:ecs:us-east-1:123456789012:task/shop/0123456789abcdef",
  clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/shop",
  taskDefinitionArn: definition.taskDefinitionArn,
  attachments: [{ type: "ElasticNetworkInterface", details: [{ name: "privateIPv4Address", value: "10.0.1.5" }] }],
  containers: [
    { name: "app", image: "web:1.2.3", lastStatus: "RUNNING", healthStatus: "HEALTHY", networkBindings: [] },
    { name: "log-router", image: "fluent-bit:3", lastStatus: "STOPPED", exitCode: 1, reason: "crashed" },
  ],
};

describe("toTaskDetail", () => {
  it("shows awsvpc ports from the task definition on the task's ENI address", () => {
    const detail = toTaskDetail(task, definition);
    expect(detail).toMatchObject({ id: "0123456789abcdef", clusterName: "shop", privateAddress: "10.0.1.5" });
    expect(detail.containers).toEqual([
      expect.objectContaining({ name: "app", essential: true, health: "HEALTHY", ports: [{ containerPort: 8080, hostPort: undefined, protocol: "tcp", address: "10.0.1.5" }] }),
      expect.objectContaining({ name: "log-router", essential: false, exitCode: 1, reason: "crashed", ports: [] }),
    ]);
  });

  it("still shows the containers without the task definition, not guessing what it would say", () => {
    expect(toTaskDetail(task).containers.map((container) => [container.name, container.essential, container.ports])).toEqual([
      ["app", undefined, []],
      ["log-router", undefined, []],
    ]);
  });
});

describe("toTaskDefinitionSummary", () => {
  it("summarises the revision and its containers as plain data", () => {
    const summary = toTaskDefinitionSummary(definition);
    expect(summary).toMatchObject({ ref: { label: "web:7" }, networkMode: "awsvpc", registeredAt: "2025-06-01T00:00:00.000Z", requiresCompatibilities: [] });
    expect(summary.containers).toEqual([
      {
        name: "app",
        image: "web:1.2.3",
        essential: true,
        portMappings: [{ containerPort: 8080, protocol: "tcp" }],
        healthCheck: ["CMD-SHELL", "curl -f localhost:8080/health"],
        environment: [],
        secrets: [],
      },
      { name: "log-router", image: "fluent-bit:3", essential: false, portMappings: [], healthCheck: undefined, environment: [], secrets: [] },
    ]);
  });

  const withSecrets: TaskDefinition = {
    ...definition,
    containerDefinitions: [
      {
        name: "app",
        environment: [
          { name: "LOG_LEVEL", value: "info" },
          { name: "SESSION_SECRET", value: "s3ss10n-v4lue" },
        ],
        secrets: [{ name: "DATABASE_PASSWORD", valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:shop/db-password-AbCdEf" }],
      },
    ],
  };

  it("masks secret values unless told the viewer may see them", () => {
    const [masked] = toTaskDefinitionSummary(withSecrets).containers;
    expect(masked.environment).toEqual([
      { name: "LOG_LEVEL", value: "info", masked: false },
      { name: "SESSION_SECRET", value: "••••••", masked: true },
    ]);
    expect(masked.secrets).toEqual([{ name: "DATABASE_PASSWORD", store: "secrets-manager", source: "••••••", masked: true }]);
    expect(JSON.stringify(masked)).not.toMatch(/s3ss10n-v4lue|db-password/);

    const [shown] = toTaskDefinitionSummary(withSecrets, { canSeeSecrets: true }).containers;
    expect(shown.environment[1]).toEqual({ name: "SESSION_SECRET", value: "s3ss10n-v4lue", masked: false });
    expect(shown.secrets[0]).toMatchObject({ source: "shop/db-password-AbCdEf", masked: false });
  });
});
