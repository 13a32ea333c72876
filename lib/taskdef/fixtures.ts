import type { ContainerDefinition, RegisterTaskDefinitionCommandInput } from "@aws-sdk/client-ecs";
import { validateTaskDefinition } from "./validation";

/** A valid Fargate task definition using every field the editor edits, for tests to vary. */
export function validTaskDefinition(): RegisterTaskDefinitionCommandInput {
  return {
    family: "shop-web",
    networkMode: "awsvpc",
    requiresCompatibilities: ["FARGATE"],
    cpu: "1024",
    memory: "2048",
    taskRoleArn: "arn:aws:iam::123456789012:role/shop-task",
    executionRoleArn: "arn:aws:iam::123456789012:role/shop-exec",
    containerDefinitions: [
      {
        name: "app",
        image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop:1.4.2",
        essential: true,
        cpu: 512,
        memory: 1024,
        memoryReservation: 512,
        portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: "tcp" }, { containerPort: 8125, protocol: "udp" }],
        environment: [{ name: "MODE", value: "prod" }],
        secrets: [
          { name: "DB", valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db" },
          { name: "KEY", valueFrom: "/shop/key" },
        ],
        command: ["node", "server.js"],
        entryPoint: ["/bin/sh", "-c"],
        healthCheck: { command: ["CMD-SHELL", "curl -f http://localhost:8080/health"], interval: 30, timeout: 5, retries: 3, startPeriod: 10 },
        logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/shop" } },
      },
      { name: "proxy", image: "envoyproxy/envoy:v1.31", essential: false, memoryReservation: 128, portMappings: [{ containerPort: 9901 }] },
    ],
  };
}

export type Edit = (task: RegisterTaskDefinitionCommandInput, app: ContainerDefinition) => void;

/** The field errors after an edit of the valid definition (its first container is `app`); {} when it still passes. */
export function errorsAfter(edit: Edit): Record<string, string> {
  const task = validTaskDefinition();
  edit(task, task.containerDefinitions![0]);
  const result = validateTaskDefinition(task);
  return result.ok ? {} : result.fieldErrors;
}
