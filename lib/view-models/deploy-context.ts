import type { Service } from "@aws-sdk/client-ecs";
import type { StrategyAvailability } from "@/lib/deploy/prerequisites";
import type { RevisionComparison } from "@/lib/taskdef/diff-comparison";
import type { AlarmChoice } from "./alarms";
import type { Part } from "./common";
import type { LoadBalancingChoices } from "./load-balancing";
import type { RevisionView } from "./task-definitions";

/** What the deploy wizard is given of a service, and of a revision it may deploy: plain data, read on the server (server/ecs/deploy-context.ts). */
export interface RevisionChoice {
  arn: string;
  /** "web:7" */
  label: string;
  revision: number;
  current: boolean;
}

export interface OngoingDeployment {
  id: string;
  arn: string;
  status?: string;
  lifecycleStage?: string;
  startedAt?: string;
  /** "web:8", what it deploys. */
  targetRevision?: string;
}

/** For a service that could shift traffic once set up: what to pick from, and the role ECS would assume. */
export interface TrafficShiftingChoices {
  choices: Part<LoadBalancingChoices>;
  /** The role the ECS console names by default, in the service's account. */
  defaultRoleArn: string;
}

export interface DeployContext {
  /** The service as the planning code reads it, without dates or events, safe to send to the browser. */
  service: Service;
  current: RevisionView;
  revisions: Part<RevisionChoice[]>;
  ongoing: Part<OngoingDeployment | undefined>;
  availability: StrategyAvailability[];
  /** Read only when a traffic-shifting strategy lacks what the deploy can set up. */
  trafficShifting?: TrafficShiftingChoices;
  /** The account's alarms a deployment can watch. */
  alarms: Part<AlarmChoice[]>;
}

export interface DeployCandidate {
  comparison: RevisionComparison;
  /** The chosen revision's containers and images, for the warnings about mutable tags. */
  containers: { name?: string; image?: string }[];
}
