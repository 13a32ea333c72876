import { connectionLabel } from "@/lib/connection-choice";

/**
 * Which AWS the dashboard talks to, in the terms its pages describe it: the footer's line and
 * the empty state's command. The server reads it from the environment
 * (server/aws/target-summary.ts); it holds no credentials, so it may reach the browser.
 */
export type TargetSummary =
  | { name: "local"; endpoint: string; region: string }
  | { name: "aws"; region: string; profile?: string }
  | { name: "misconfigured"; problem: string };

/** "local ECS at http://127.0.0.1:4510", "AWS us-east-1", "AWS us-east-2 · prod". */
export function targetLabel(target: TargetSummary): string {
  switch (target.name) {
    case "local":
      return `local ECS at ${target.endpoint}`;
    case "aws":
      return `AWS ${connectionLabel(target)}`;
    case "misconfigured":
      return "no AWS endpoint (misconfigured)";
  }
}

/** The AWS CLI command that creates a cluster where this dashboard looks; none when it looks nowhere. */
export function createClusterCommand(target: TargetSummary, clusterName = "my-cluster"): string | undefined {
  switch (target.name) {
    case "local":
      return `aws --endpoint-url ${target.endpoint} ecs create-cluster --cluster-name ${clusterName}`;
    case "aws":
      return `aws ecs create-cluster --cluster-name ${clusterName} --region ${target.region}${target.profile ? ` --profile ${target.profile}` : ""}`;
    case "misconfigured":
      return undefined;
  }
}
