/** Every ECS ARN the emulator hands out is built and parsed here. */
export interface ArnScope {
  region: string;
  accountId: string;
}

const prefix = (scope: ArnScope) => `arn:aws:ecs:${scope.region}:${scope.accountId}`;

export const ecsArn = {
  cluster: (scope: ArnScope, name: string) => `${prefix(scope)}:cluster/${name}`,
  taskDefinition: (scope: ArnScope, family: string, revision: number) => `${prefix(scope)}:task-definition/${family}:${revision}`,
  service: (scope: ArnScope, cluster: string, service: string) => `${prefix(scope)}:service/${cluster}/${service}`,
  task: (scope: ArnScope, cluster: string, taskId: string) => `${prefix(scope)}:task/${cluster}/${taskId}`,
  serviceDeployment: (scope: ArnScope, cluster: string, service: string, id: string) =>
    `${prefix(scope)}:service-deployment/${cluster}/${service}/${id}`,
  serviceRevision: (scope: ArnScope, cluster: string, service: string, id: string) =>
    `${prefix(scope)}:service-revision/${cluster}/${service}/${id}`,
};

export interface ParsedArn {
  region: string;
  accountId: string;
  resourceType: string;
  /** The parts after the resource type, split on "/". */
  path: string[];
}

export function parseEcsArn(arn: string): ParsedArn | undefined {
  const match = /^arn:aws[a-z-]*:ecs:([^:]*):([^:]*):([a-z-]+)\/(.+)$/.exec(arn);
  if (!match) return undefined;
  return { region: match[1], accountId: match[2], resourceType: match[3], path: match[4].split("/") };
}

/** A name or ARN given for a cluster → the cluster's name. */
export function clusterNameFrom(nameOrArn: string | undefined): string {
  if (!nameOrArn) return "default";
  const parsed = parseEcsArn(nameOrArn);
  return parsed?.resourceType === "cluster" ? parsed.path[0] : nameOrArn;
}

/** A name or ARN given for a service → the service's name (old and new ARN formats). */
export function serviceNameFrom(nameOrArn: string): string {
  const parsed = parseEcsArn(nameOrArn);
  return parsed?.resourceType === "service" ? parsed.path[parsed.path.length - 1] : nameOrArn;
}

/** `family`, `family:3` or an ARN → family and optional revision. */
export function parseTaskDefinitionReference(reference: string): { family: string; revision?: number } {
  const parsed = parseEcsArn(reference);
  const body = parsed?.resourceType === "task-definition" ? parsed.path.join("/") : reference;
  const colon = body.lastIndexOf(":");
  if (colon < 0) return { family: body };
  const revision = Number(body.slice(colon + 1));
  return { family: body.slice(0, colon), revision: Number.isInteger(revision) ? revision : Number.NaN };
}
