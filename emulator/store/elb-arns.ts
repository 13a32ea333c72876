import type { ArnScope } from "./arns";

/**
 * Every ELBv2 ARN local ECS hands out is built here, in AWS's shapes:
 * loadbalancer/app/<name>/<id>, targetgroup/<name>/<id>, listener/app/<lb>/<id>/<id>,
 * listener-rule/app/<lb>/<id>/<id>/<id>.
 */
const prefix = (scope: ArnScope) => `arn:aws:elasticloadbalancing:${scope.region}:${scope.accountId}`;

export type LoadBalancerKind = "app" | "net";

export const elbArn = {
  loadBalancer: (scope: ArnScope, kind: LoadBalancerKind, name: string, id: string) => `${prefix(scope)}:loadbalancer/${kind}/${name}/${id}`,
  targetGroup: (scope: ArnScope, name: string, id: string) => `${prefix(scope)}:targetgroup/${name}/${id}`,
  /** A listener's ARN extends its load balancer's path. */
  listener: (loadBalancerArn: string, id: string) => loadBalancerArn.replace(":loadbalancer/", ":listener/") + `/${id}`,
  rule: (listenerArn: string, id: string) => listenerArn.replace(":listener/", ":listener-rule/") + `/${id}`,
};

/** ELBv2 ids are 16 hex digits. */
export function newElbId(): string {
  return Array.from({ length: 16 }, () => Math.floor(Math.random() * 16).toString(16)).join("");
}
