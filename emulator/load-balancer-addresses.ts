import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeTagsCommand,
  type ElasticLoadBalancingV2Client,
  type Listener,
  type LoadBalancer,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { ADDRESS_TAG } from "./engine/load-balancing/listener-bindings";

/**
 * Where each load balancer's listeners answer on this machine, read through the public ELBv2
 * API as any tool could: local ECS tags every listener with its real address.
 */
/** DescribeTags takes at most 20 ARNs per call. */
const TAGS_PER_CALL = 20;

export interface ListenerAddress {
  loadBalancerName: string;
  /** The listener's own protocol and port, as ELBv2 reports them (HTTP:80). */
  listener: string;
  /** `http://<DNSName>:<local port>`. */
  address: string;
}

export async function listListenerAddresses(elb: ElasticLoadBalancingV2Client): Promise<ListenerAddress[]> {
  const pairs: Array<{ loadBalancer: LoadBalancer; listener: Listener }> = [];
  for (const loadBalancer of await allLoadBalancers(elb)) {
    for (const listener of await allListeners(elb, loadBalancer.LoadBalancerArn!)) pairs.push({ loadBalancer, listener });
  }
  const addresses = await addressTags(elb, pairs.map((pair) => pair.listener.ListenerArn!));
  return pairs.flatMap(({ loadBalancer, listener }) => {
    const address = addresses.get(listener.ListenerArn!);
    if (!address) return [];
    return [{ loadBalancerName: loadBalancer.LoadBalancerName ?? "", listener: `${listener.Protocol}:${listener.Port}`, address }];
  });
}

/** Lines such as `demo  http://demo-1234567890.us-east-1.elb.localhost:10080  (HTTP:80)`, names aligned. */
export function formatListenerAddresses(addresses: ListenerAddress[], indent = "  "): string[] {
  const nameWidth = Math.max(0, ...addresses.map((a) => a.loadBalancerName.length));
  const addressWidth = Math.max(0, ...addresses.map((a) => a.address.length));
  return addresses.map((a) => `${indent}${a.loadBalancerName.padEnd(nameWidth)}  ${a.address.padEnd(addressWidth)}  (${a.listener})`);
}

async function allLoadBalancers(elb: ElasticLoadBalancingV2Client): Promise<LoadBalancer[]> {
  const all: LoadBalancer[] = [];
  let marker: string | undefined;
  do {
    const page = await elb.send(new DescribeLoadBalancersCommand({ Marker: marker }));
    all.push(...(page.LoadBalancers ?? []));
    marker = page.NextMarker;
  } while (marker);
  return all;
}

async function allListeners(elb: ElasticLoadBalancingV2Client, loadBalancerArn: string): Promise<Listener[]> {
  const all: Listener[] = [];
  let marker: string | undefined;
  do {
    const page = await elb.send(new DescribeListenersCommand({ LoadBalancerArn: loadBalancerArn, Marker: marker }));
    all.push(...(page.Listeners ?? []));
    marker = page.NextMarker;
  } while (marker);
  return all.sort((a, b) => (a.Port ?? 0) - (b.Port ?? 0));
}

async function addressTags(elb: ElasticLoadBalancingV2Client, listenerArns: string[]): Promise<Map<string, string>> {
  const addresses = new Map<string, string>();
  for (let start = 0; start < listenerArns.length; start += TAGS_PER_CALL) {
    const { TagDescriptions } = await elb.send(new DescribeTagsCommand({ ResourceArns: listenerArns.slice(start, start + TAGS_PER_CALL) }));
    for (const description of TagDescriptions ?? []) {
      const address = description.Tags?.find((tag) => tag.Key === ADDRESS_TAG)?.Value;
      if (address && description.ResourceArn) addresses.set(description.ResourceArn, address);
    }
  }
  return addresses;
}
