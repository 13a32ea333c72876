import "server-only";
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTargetGroupsCommand,
  type DescribeListenersCommandInput,
  type DescribeLoadBalancersCommandInput,
  type DescribeRulesCommandInput,
  type DescribeTargetGroupsCommandInput,
  type Listener,
  type LoadBalancer,
  type Rule,
  type TargetGroup,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import type { Connection } from "./connection";
import { listAllByMarker } from "./pagination";
import { readElb } from "./reads";

/** Every page of ELBv2's paged describes, each page a shared read. Paging fields are this layer's to set. */
type Unpaged<I> = Omit<I, "Marker" | "PageSize">;

export function describeAllLoadBalancers(connection: Connection, input: Unpaged<DescribeLoadBalancersCommandInput> = {}): Promise<LoadBalancer[]> {
  return listAllByMarker(
    (page: DescribeLoadBalancersCommandInput) => readElb(connection, new DescribeLoadBalancersCommand(page)),
    input,
    (o) => o.LoadBalancers,
  );
}

export function describeAllTargetGroups(connection: Connection, input: Unpaged<DescribeTargetGroupsCommandInput> = {}): Promise<TargetGroup[]> {
  return listAllByMarker(
    (page: DescribeTargetGroupsCommandInput) => readElb(connection, new DescribeTargetGroupsCommand(page)),
    input,
    (o) => o.TargetGroups,
  );
}

export function describeAllListeners(connection: Connection, input: Unpaged<DescribeListenersCommandInput>): Promise<Listener[]> {
  return listAllByMarker(
    (page: DescribeListenersCommandInput) => readElb(connection, new DescribeListenersCommand(page)),
    input,
    (o) => o.Listeners,
  );
}

export function describeAllRules(connection: Connection, input: Unpaged<DescribeRulesCommandInput>): Promise<Rule[]> {
  return listAllByMarker((page: DescribeRulesCommandInput) => readElb(connection, new DescribeRulesCommand(page)), input, (o) => o.Rules);
}
