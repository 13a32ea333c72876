/**
 * ARNs of ECS and ELBv2 resources, read apart for display and links. Parsers return undefined
 * for anything that is not an ARN of the expected shape rather than guessing.
 */
export interface Arn {
  partition: string;
  service: string;
  region: string;
  accountId: string;
  /** Everything after the account, e.g. "service/demo/web" (it may itself contain ":"). */
  resource: string;
}

const ARN = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|):(.+)$/;

export function parseArn(value: string): Arn | undefined {
  const match = ARN.exec(value);
  if (!match) return undefined;
  return { partition: match[1], service: match[2], region: match[3], accountId: match[4], resource: match[5] };
}

export type EcsResource =
  | { type: "cluster"; cluster: string }
  /** Services and tasks created before the long ARN format have no cluster in their ARN. */
  | { type: "service"; cluster?: string; service: string }
  | { type: "task"; cluster?: string; taskId: string }
  | { type: "container-instance"; cluster?: string; containerInstanceId: string }
  | { type: "task-definition"; family: string; revision: number }
  | { type: "service-deployment"; cluster: string; service: string; deploymentId: string }
  | { type: "service-revision"; cluster: string; service: string; revisionId: string }
  | { type: "task-set"; cluster: string; service: string; taskSetId: string };

export type EcsResourceType = EcsResource["type"];

function ecsResource(type: string, path: string[]): EcsResource | undefined {
  const [a, b, c] = path;
  switch (type) {
    case "cluster":
      return path.length === 1 ? { type, cluster: a } : undefined;
    case "service":
      return path.length === 2 ? { type, cluster: a, service: b } : path.length === 1 ? { type, service: a } : undefined;
    case "task":
      return path.length === 2 ? { type, cluster: a, taskId: b } : path.length === 1 ? { type, taskId: a } : undefined;
    case "container-instance":
      return path.length === 2 ? { type, cluster: a, containerInstanceId: b } : path.length === 1 ? { type, containerInstanceId: a } : undefined;
    case "task-definition": {
      const parsed = path.length === 1 ? parseFamilyRevision(a) : undefined;
      return parsed?.revision === undefined ? undefined : { type, family: parsed.family, revision: parsed.revision };
    }
    case "service-deployment":
      return path.length === 3 ? { type, cluster: a, service: b, deploymentId: c } : undefined;
    case "service-revision":
      return path.length === 3 ? { type, cluster: a, service: b, revisionId: c } : undefined;
    case "task-set":
      return path.length === 3 ? { type, cluster: a, service: b, taskSetId: c } : undefined;
    default:
      return undefined;
  }
}

export function parseEcsArn(value: string): EcsResource | undefined {
  const arn = parseArn(value);
  if (arn?.service !== "ecs") return undefined;
  const slash = arn.resource.indexOf("/");
  if (slash < 0) return undefined;
  const path = arn.resource.slice(slash + 1).split("/");
  if (path.some((part) => part === "")) return undefined;
  return ecsResource(arn.resource.slice(0, slash), path);
}

/** `family`, `family:3`, or the part after "task-definition/" → family and revision, if any. */
export function parseFamilyRevision(reference: string): { family: string; revision?: number } | undefined {
  const match = /^([A-Za-z0-9_-]{1,255})(?::([1-9]\d*))?$/.exec(reference);
  if (!match) return undefined;
  return match[2] === undefined ? { family: match[1] } : { family: match[1], revision: Number(match[2]) };
}

/** ECS APIs accept a name or an ARN for clusters and services; pages want the name. */
export function clusterName(nameOrArn: string): string {
  const resource = parseEcsArn(nameOrArn);
  return resource?.type === "cluster" ? resource.cluster : nameOrArn;
}

export function serviceName(nameOrArn: string): string {
  const resource = parseEcsArn(nameOrArn);
  return resource?.type === "service" ? resource.service : nameOrArn;
}

export function taskId(idOrArn: string): string {
  const resource = parseEcsArn(idOrArn);
  return resource?.type === "task" ? resource.taskId : idOrArn;
}

/** ELBv2 load balancers are "app" (ALB), "net" (NLB) or "gwy" (GWLB); it is part of their ARN. */
export type LoadBalancerKind = "app" | "net" | "gwy";

interface LoadBalancerRef {
  kind: LoadBalancerKind;
  loadBalancerName: string;
  loadBalancerId: string;
}

export type ElbResource =
  | ({ type: "loadbalancer" } & LoadBalancerRef)
  | { type: "targetgroup"; name: string; id: string }
  | ({ type: "listener"; listenerId: string } & LoadBalancerRef)
  | ({ type: "listener-rule"; listenerId: string; ruleId: string } & LoadBalancerRef);

function isKind(value: string): value is LoadBalancerKind {
  return value === "app" || value === "net" || value === "gwy";
}

export function parseElbArn(value: string): ElbResource | undefined {
  const arn = parseArn(value);
  if (arn?.service !== "elasticloadbalancing") return undefined;
  const [type, ...path] = arn.resource.split("/");
  if (path.some((part) => part === "")) return undefined;
  if (type === "targetgroup") return path.length === 2 ? { type, name: path[0], id: path[1] } : undefined;
  const [kind, loadBalancerName, loadBalancerId, listenerId, ruleId] = path;
  if (!isKind(kind)) return undefined;
  const loadBalancer = { kind, loadBalancerName, loadBalancerId };
  if (type === "loadbalancer" && path.length === 3) return { type, ...loadBalancer };
  if (type === "listener" && path.length === 4) return { type, ...loadBalancer, listenerId };
  if (type === "listener-rule" && path.length === 5) return { type, ...loadBalancer, listenerId, ruleId };
  return undefined;
}
