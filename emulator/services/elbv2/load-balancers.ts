import type {
  CreateLoadBalancerCommandInput,
  CreateLoadBalancerCommandOutput,
  DeleteLoadBalancerCommandInput,
  DeleteLoadBalancerCommandOutput,
  DescribeLoadBalancerAttributesCommandInput,
  DescribeLoadBalancerAttributesCommandOutput,
  DescribeLoadBalancersCommandInput,
  DescribeLoadBalancersCommandOutput,
  LoadBalancer,
  ModifyLoadBalancerAttributesCommandInput,
  ModifyLoadBalancerAttributesCommandOutput,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import type { Output, RequestContext } from "../../protocols/operation";
import { elbArn, newElbId } from "../../store/elb-arns";
import type { LoadBalancerRecord } from "../../store/elb-records";
import type { EcsWorld } from "../../world";
import { attributeList, defaultAttributes, loadBalancerAttributeSpecs, readAttributeChanges } from "./attributes";
import { DuplicateLoadBalancerName, LoadBalancerNotFound, OperationNotPermitted, ValidationError } from "./errors";
import { absent, maxItems, optionalEnum, optionalStrings, requiredString } from "./input";
import { removeListener } from "./listener-store";
import { requireArn, requireLoadBalancer } from "./lookups";
import { paginate } from "./pagination";
import { dnsNameFor, hostedZoneId, localVpcId, readAvailabilityZones, readSecurityGroups } from "./placement";
import { dropTags, putTags, readTags } from "./tags";

/** A new load balancer is `provisioning` this long (emulated), then `active`. */
const PROVISIONING_MS = 5_000;
const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/;
const MAX_DESCRIBED = 20;

function readName(value: unknown): string {
  const name = requiredString(value, "Name");
  if (name.length > 32) throw new ValidationError("LoadBalancer name cannot be longer than 32 characters");
  if (name.toLowerCase().startsWith("internal-")) throw new ValidationError("LoadBalancer name cannot begin with 'internal-'");
  if (!NAME.test(name)) {
    throw new ValidationError(
      `LoadBalancer name '${name}' is not valid: it must contain only alphanumeric characters or hyphens, and must not begin or end with a hyphen`,
    );
  }
  return name;
}

interface Settings {
  name: string;
  type: "application" | "network";
  scheme: "internet-facing" | "internal";
  ipAddressType: "ipv4" | "dualstack" | "dualstack-without-public-ipv4";
  availabilityZones: NonNullable<LoadBalancer["AvailabilityZones"]>;
  securityGroups: string[] | undefined;
}

function readSettings(world: EcsWorld, input: CreateLoadBalancerCommandInput): Settings {
  const name = readName(input.Name);
  const type = optionalEnum(input.Type, "Type", ["application", "network", "gateway"] as const) ?? "application";
  if (type === "gateway") throw new ValidationError("Local ECS does not emulate Gateway Load Balancers.");
  const network = type === "network";
  const scheme = optionalEnum(input.Scheme, "Scheme", ["internet-facing", "internal"] as const) ?? "internet-facing";
  const ipAddressType = optionalEnum(input.IpAddressType, "IpAddressType", ["ipv4", "dualstack", "dualstack-without-public-ipv4"] as const) ?? "ipv4";
  if (ipAddressType === "dualstack-without-public-ipv4" && (network || scheme === "internal")) {
    throw new ValidationError("IP address type 'dualstack-without-public-ipv4' is only for internet-facing Application Load Balancers.");
  }
  return {
    name,
    type,
    scheme,
    ipAddressType,
    availabilityZones: readAvailabilityZones(input, world.settings.region, network),
    securityGroups: readSecurityGroups(input.SecurityGroups, world.settings, network),
  };
}

/** "Same settings" for CreateLoadBalancer's idempotency: what the client chose, not what AWS assigned. */
function sameSettings(existing: LoadBalancer, settings: Settings): boolean {
  const subnets = (zones: LoadBalancer["AvailabilityZones"]) => (zones ?? []).map((zone) => zone.SubnetId).sort().join(",");
  const groups = (list: string[] | undefined) => [...(list ?? [])].sort().join(",");
  return (
    existing.Type === settings.type &&
    existing.Scheme === settings.scheme &&
    existing.IpAddressType === settings.ipAddressType &&
    subnets(existing.AvailabilityZones) === subnets(settings.availabilityZones) &&
    groups(existing.SecurityGroups) === groups(settings.securityGroups)
  );
}

function findByName(world: EcsWorld, name: string): LoadBalancerRecord | undefined {
  for (const record of world.elb.loadBalancers.values()) {
    if (record.loadBalancer.LoadBalancerName === name) return record;
  }
  return undefined;
}

function buildLoadBalancer(world: EcsWorld, settings: Settings): LoadBalancer {
  const id = newElbId();
  const kind = settings.type === "network" ? "net" : "app";
  return {
    LoadBalancerArn: elbArn.loadBalancer(world.settings, kind, settings.name, id),
    DNSName: dnsNameFor(world.settings, settings.type, settings.name, settings.scheme, id),
    CanonicalHostedZoneId: hostedZoneId(world.settings.region, settings.type),
    CreatedTime: world.clock.now(),
    LoadBalancerName: settings.name,
    Scheme: settings.scheme,
    VpcId: localVpcId(world.settings),
    State: { Code: "provisioning" },
    Type: settings.type,
    AvailabilityZones: settings.availabilityZones,
    SecurityGroups: settings.securityGroups,
    IpAddressType: settings.ipAddressType,
  };
}

/** Moves a load balancer to `active` once its provisioning time has passed. */
function scheduleActivation(world: EcsWorld, loadBalancer: LoadBalancer): void {
  const arn = loadBalancer.LoadBalancerArn!;
  const dueAt = (loadBalancer.CreatedTime?.getTime() ?? world.clock.nowMs()) + PROVISIONING_MS;
  world.clock.at(dueAt, () => {
    const record = world.elb.loadBalancers.get(arn);
    if (record?.loadBalancer.State?.Code !== "provisioning") return;
    world.elb.loadBalancers.put(arn, { ...record, loadBalancer: { ...record.loadBalancer, State: { Code: "active" } } });
  });
}

function describeSelected(world: EcsWorld, input: DescribeLoadBalancersCommandInput): LoadBalancerRecord[] {
  const arns = optionalStrings(input.LoadBalancerArns, "LoadBalancerArns") ?? [];
  const names = optionalStrings(input.Names, "Names") ?? [];
  if (arns.length > 0 && names.length > 0) {
    throw new ValidationError("Load balancer names and load balancer ARNs cannot be specified at the same time");
  }
  if (arns.length > 0) {
    return maxItems(arns, MAX_DESCRIBED, "LoadBalancerArns").map((arn) => {
      const record = world.elb.loadBalancers.get(requireArn(arn, "LoadBalancerArns", "loadbalancer"));
      if (!record) throw new LoadBalancerNotFound("One or more load balancers not found");
      return record;
    });
  }
  if (names.length > 0) {
    const found = maxItems(names, MAX_DESCRIBED, "Names").map((name) => ({ name, record: findByName(world, name) }));
    const missing = found.filter((entry) => !entry.record).map((entry) => entry.name);
    if (missing.length > 0) throw new LoadBalancerNotFound(`Load balancers '[${missing.join(", ")}]' not found`);
    return found.map((entry) => entry.record!);
  }
  return [...world.elb.loadBalancers.values()];
}

export function createLoadBalancerOperations(world: EcsWorld) {
  // After a restart, load balancers that were still provisioning finish doing so.
  for (const record of world.elb.loadBalancers.values()) {
    if (record.loadBalancer.State?.Code === "provisioning") scheduleActivation(world, record.loadBalancer);
  }

  return {
    CreateLoadBalancer(_ctx: RequestContext, input: CreateLoadBalancerCommandInput): Output<CreateLoadBalancerCommandOutput> {
      const settings = readSettings(world, input);
      const tags = readTags(input.Tags);
      const existing = findByName(world, settings.name);
      if (existing) {
        if (sameSettings(existing.loadBalancer, settings)) return { LoadBalancers: [existing.loadBalancer] };
        throw new DuplicateLoadBalancerName(`A load balancer with the same name '${settings.name}' exists, but with different settings`);
      }
      const loadBalancer = buildLoadBalancer(world, settings);
      const arn = loadBalancer.LoadBalancerArn!;
      world.elb.db.transaction(() => {
        world.elb.loadBalancers.put(arn, { loadBalancer, attributes: defaultAttributes(loadBalancerAttributeSpecs(settings.type)) });
        putTags(world, arn, tags);
      });
      scheduleActivation(world, loadBalancer);
      return { LoadBalancers: [loadBalancer] };
    },

    DescribeLoadBalancers(_ctx: RequestContext, input: DescribeLoadBalancersCommandInput): Output<DescribeLoadBalancersCommandOutput> {
      const page = paginate(describeSelected(world, input), input);
      return { LoadBalancers: page.items.map((record) => record.loadBalancer), NextMarker: page.nextMarker };
    },

    async DeleteLoadBalancer(_ctx: RequestContext, input: DeleteLoadBalancerCommandInput): Promise<Output<DeleteLoadBalancerCommandOutput>> {
      const arn = requireArn(input.LoadBalancerArn, "LoadBalancerArn", "loadbalancer");
      const record = world.elb.loadBalancers.get(arn);
      // As in AWS, deleting a load balancer that does not exist succeeds.
      if (!record) return {};
      if (record.attributes["deletion_protection.enabled"] === "true") {
        throw new OperationNotPermitted(`Load balancer '${arn}' cannot be deleted because deletion protection is enabled`);
      }
      const listenerArns = [...world.elb.listenersOf(arn)].map((listener) => listener.listener.ListenerArn!);
      world.elb.db.transaction(() => {
        for (const listenerArn of listenerArns) removeListener(world, listenerArn);
        world.elb.loadBalancers.delete(arn);
        dropTags(world, arn);
      });
      for (const listenerArn of listenerArns) await world.loadBalancing.listenerRemoved(listenerArn);
      return {};
    },

    DescribeLoadBalancerAttributes(
      _ctx: RequestContext,
      input: DescribeLoadBalancerAttributesCommandInput,
    ): Output<DescribeLoadBalancerAttributesCommandOutput> {
      const record = requireLoadBalancer(world, input.LoadBalancerArn);
      return { Attributes: attributeList(record.attributes, loadBalancerAttributeSpecs(record.loadBalancer.Type)) };
    },

    ModifyLoadBalancerAttributes(
      _ctx: RequestContext,
      input: ModifyLoadBalancerAttributesCommandInput,
    ): Output<ModifyLoadBalancerAttributesCommandOutput> {
      const record = requireLoadBalancer(world, input.LoadBalancerArn);
      const specs = loadBalancerAttributeSpecs(record.loadBalancer.Type);
      if (absent(input.Attributes)) throw new ValidationError("Attributes is required.");
      const attributes = { ...record.attributes, ...readAttributeChanges(input.Attributes, specs, "Load balancer") };
      world.elb.loadBalancers.put(record.loadBalancer.LoadBalancerArn!, { ...record, attributes });
      return { Attributes: attributeList(attributes, specs) };
    },
  };
}
