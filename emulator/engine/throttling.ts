import { ThrottlingError } from "../protocols/aws-error";
import type { RequestContext } from "../protocols/operation";

/**
 * ECS's request throttling: one token bucket per account, region and API category; a request
 * takes a token, and the bucket refills at the sustained rate up to its burst size.
 * Refill follows real time, not emulated time: throttling protects this process, it is not an
 * emulated delay.
 */
export type ThrottleMode = "off" | "on" | "tight";

export interface ThrottleCategory {
  /** Bucket size: requests allowed at once. */
  burst: number;
  /** Tokens added back per second. */
  sustained: number;
  operations: readonly string[];
}

/** The categories and operations of AWS's "Request throttling for the Amazon ECS API" page. */
const DOCUMENTED = {
  clusterModify: {
    burst: 20,
    sustained: 1,
    operations: ["CreateCluster", "DeleteCluster", "PutClusterCapacityProviders", "UpdateCluster", "UpdateClusterSettings"],
  },
  clusterRead: { burst: 50, sustained: 20, operations: ["DescribeClusters", "ListClusters"] },
  taskDefinitionModify: { burst: 20, sustained: 1, operations: ["DeregisterTaskDefinition", "RegisterTaskDefinition"] },
  taskDefinitionRead: {
    burst: 50,
    sustained: 20,
    operations: ["DescribeTaskDefinition", "ListTaskDefinitions", "ListTaskDefinitionFamilies"],
  },
  taskDefinitionDelete: { burst: 5, sustained: 1, operations: ["DeleteTaskDefinitions"] },
  capacityProviderModify: {
    burst: 10,
    sustained: 1,
    operations: ["CreateCapacityProvider", "DeleteCapacityProvider", "UpdateCapacityProvider"],
  },
  capacityProviderRead: { burst: 50, sustained: 20, operations: ["DescribeCapacityProviders"] },
  tagModify: { burst: 20, sustained: 10, operations: ["TagResource", "UntagResource"] },
  tagRead: { burst: 50, sustained: 20, operations: ["ListTagsForResource"] },
  settingModify: {
    burst: 10,
    sustained: 1,
    operations: ["DeleteAccountSetting", "PutAccountSetting", "PutAccountSettingDefault"],
  },
  settingRead: { burst: 50, sustained: 20, operations: ["ListAccountSettings"] },
  clusterResourceModify: {
    burst: 100,
    sustained: 40,
    operations: [
      "DeleteAttributes",
      "DeregisterContainerInstance",
      "ExecuteCommand",
      "PutAttributes",
      "RunTask",
      "StartTask",
      "StopTask",
      "UpdateContainerAgent",
      "UpdateContainerInstancesState",
    ],
  },
  clusterResourceRead: {
    burst: 100,
    sustained: 20,
    operations: ["DescribeContainerInstances", "DescribeTasks", "ListAttributes", "ListContainerInstances", "ListTasks"],
  },
  agentModify: {
    burst: 200,
    sustained: 120,
    operations: [
      "RegisterContainerInstance",
      "SubmitAttachmentStateChanges",
      "SubmitContainerStateChange",
      "SubmitTaskStateChange",
    ],
  },
  serviceModify: { burst: 50, sustained: 5, operations: ["CreateService", "DeleteService", "UpdateService"] },
  serviceRead: { burst: 100, sustained: 20, operations: ["DescribeServices", "ListServices"] },
  serviceDeploymentRead: { burst: 50, sustained: 20, operations: ["DescribeServiceDeployments", "ListServiceDeployments"] },
  serviceRevisionRead: { burst: 50, sustained: 20, operations: ["DescribeServiceRevisions"] },
  taskProtection: { burst: 200, sustained: 80, operations: ["UpdateTaskProtection", "GetTaskProtection"] },
  clusterServiceResourceRead: { burst: 10, sustained: 1, operations: ["ListServicesByNamespace"] },
} satisfies Record<string, ThrottleCategory>;

export type ThrottleCategoryName = keyof typeof DOCUMENTED;

/**
 * Operations AWS's page does not list yet, put in the category of their nearest documented
 * kin (an inference, not AWS's word): deployments are driven like services, daemons are run
 * like services, gateways are managed like clusters, task sets belong to their service.
 */
const INFERRED: Record<string, ThrottleCategoryName> = {
  ContinueServiceDeployment: "serviceModify",
  StopServiceDeployment: "serviceModify",
  CreateTaskSet: "serviceModify",
  UpdateTaskSet: "serviceModify",
  DeleteTaskSet: "serviceModify",
  UpdateServicePrimaryTaskSet: "serviceModify",
  DescribeTaskSets: "serviceRead",
  CreateDaemon: "serviceModify",
  UpdateDaemon: "serviceModify",
  DeleteDaemon: "serviceModify",
  DescribeDaemon: "serviceRead",
  ListDaemons: "serviceRead",
  DescribeDaemonDeployments: "serviceDeploymentRead",
  ListDaemonDeployments: "serviceDeploymentRead",
  DescribeDaemonRevisions: "serviceRevisionRead",
  RegisterDaemonTaskDefinition: "taskDefinitionModify",
  DeleteDaemonTaskDefinition: "taskDefinitionModify",
  DescribeDaemonTaskDefinition: "taskDefinitionRead",
  ListDaemonTaskDefinitions: "taskDefinitionRead",
  CreateExpressGatewayService: "serviceModify",
  UpdateExpressGatewayService: "serviceModify",
  DeleteExpressGatewayService: "serviceModify",
  DescribeExpressGatewayService: "serviceRead",
  CreateGateway: "clusterModify",
  UpdateGateway: "clusterModify",
  DeleteGateway: "clusterModify",
  AssociateGatewayWithCluster: "clusterModify",
  DisassociateGatewayFromCluster: "clusterModify",
  DescribeGateway: "clusterRead",
  DescribeGatewayResources: "clusterRead",
  DescribeGatewayRoute: "clusterRead",
  ListGateways: "clusterRead",
  ListGatewayClusterAssociations: "clusterRead",
  ListGatewayRoutes: "clusterRead",
  DiscoverPollEndpoint: "agentModify",
};

const CATEGORY_OF_OPERATION = new Map<string, ThrottleCategoryName>([
  ...Object.entries(DOCUMENTED).flatMap(([name, category]) =>
    category.operations.map((operation) => [operation, name as ThrottleCategoryName] as const),
  ),
  ...Object.entries(INFERRED),
]);

export function throttleCategoryOf(operation: string): ThrottleCategoryName | undefined {
  return CATEGORY_OF_OPERATION.get(operation);
}

/** Burst and sustained rate of a category in a mode; "tight" is a tenth of each (at least 1), for fault tests. */
export function bucketLimits(name: ThrottleCategoryName, mode: "on" | "tight"): { burst: number; sustained: number } {
  const { burst, sustained } = DOCUMENTED[name];
  if (mode === "on") return { burst, sustained };
  return { burst: Math.max(1, Math.floor(burst / 10)), sustained: Math.max(1, Math.floor(sustained / 10)) };
}

export class TokenBucket {
  private tokens: number;
  private lastRefillMs: number;

  constructor(
    readonly burst: number,
    readonly sustainedPerSecond: number,
    private readonly now: () => number,
  ) {
    this.tokens = burst;
    this.lastRefillMs = now();
  }

  /** Takes one token if there is one. */
  tryTake(): boolean {
    const nowMs = this.now();
    const elapsedSeconds = Math.max(0, nowMs - this.lastRefillMs) / 1000;
    this.tokens = Math.min(this.burst, this.tokens + elapsedSeconds * this.sustainedPerSecond);
    this.lastRefillMs = nowMs;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * The `beforeOperation` hook of the ECS service: throws `ThrottlingException` ("Rate
 * exceeded") when the caller's bucket for the operation's category is empty.
 * `now` is a millisecond clock; tests pass a fake one.
 */
export function createEcsThrottle(
  options: { mode: ThrottleMode },
  now: () => number = () => performance.now(),
): (ctx: RequestContext) => void {
  const mode = options.mode;
  if (mode === "off") return () => {};
  const buckets = new Map<string, TokenBucket>();
  return (ctx) => {
    const category = throttleCategoryOf(ctx.operation);
    // Every ECS operation has a category (a unit test holds that); anything else is not ECS's to throttle.
    if (!category) return;
    const key = `${ctx.accountId}/${ctx.region}/${category}`;
    let bucket = buckets.get(key);
    if (!bucket) {
      const limits = bucketLimits(category, mode);
      bucket = new TokenBucket(limits.burst, limits.sustained, now);
      buckets.set(key, bucket);
    }
    if (!bucket.tryTake()) throw new ThrottlingError();
  };
}
