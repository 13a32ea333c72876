import type { Action, RuleCondition, TargetGroup } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { ArnScope } from "../../store/arns";
import { elbArn, newElbId } from "../../store/elb-arns";
import type { ElbState } from "../../store/elb-state";

/**
 * Stores ELBv2 records straight into an ElbState, with the fields the data plane reads, for
 * tests and measurements that exercise the plane without the API in front of it.
 */
const SCOPE: ArnScope = { region: "us-east-1", accountId: "000000000000" };

export function putLoadBalancer(elb: ElbState, name: string, attributes: Record<string, string> = {}): string {
  const id = newElbId();
  const arn = elbArn.loadBalancer(SCOPE, "app", name, id);
  elb.loadBalancers.put(arn, {
    loadBalancer: { LoadBalancerArn: arn, LoadBalancerName: name, DNSName: `${name}-${id.slice(0, 10)}.${SCOPE.region}.elb.localhost`, Type: "application", State: { Code: "active" } },
    attributes,
  });
  return arn;
}

export function putTargetGroup(elb: ElbState, name: string, settings: Partial<TargetGroup> = {}, attributes: Record<string, string> = {}): string {
  const arn = elbArn.targetGroup(SCOPE, name, newElbId());
  elb.targetGroups.put(arn, {
    targetGroup: { TargetGroupArn: arn, TargetGroupName: name, Protocol: "HTTP", Port: 80, TargetType: "ip", HealthCheckPath: "/health", ...settings },
    attributes,
    targets: [],
  });
  return arn;
}

export function putListener(elb: ElbState, loadBalancerArn: string, port: number, defaultActions: Action[]): string {
  const arn = elbArn.listener(loadBalancerArn, newElbId());
  elb.listeners.put(arn, { listener: { ListenerArn: arn, LoadBalancerArn: loadBalancerArn, Port: port, Protocol: "HTTP", DefaultActions: defaultActions } });
  return arn;
}

export function putRule(elb: ElbState, listenerArn: string, priority: number, conditions: RuleCondition[], actions: Action[]): string {
  const arn = elbArn.rule(listenerArn, newElbId());
  elb.rules.put(arn, { listenerArn, rule: { RuleArn: arn, Priority: String(priority), Conditions: conditions, Actions: actions, IsDefault: false } });
  return arn;
}

/** A forward action splitting by weight, e.g. `weightedForward([[blue, 90], [green, 10]])`. */
export function weightedForward(groups: Array<[string, number]>, stickySeconds?: number): Action {
  return {
    Type: "forward",
    ForwardConfig: {
      TargetGroups: groups.map(([TargetGroupArn, Weight]) => ({ TargetGroupArn, Weight })),
      TargetGroupStickinessConfig: stickySeconds ? { Enabled: true, DurationSeconds: stickySeconds } : { Enabled: false },
    },
  };
}
