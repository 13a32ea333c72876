import type {
  CreateTargetGroupCommandInput,
  CreateTargetGroupCommandOutput,
  DeleteTargetGroupCommandInput,
  DeleteTargetGroupCommandOutput,
  DescribeTargetGroupAttributesCommandInput,
  DescribeTargetGroupAttributesCommandOutput,
  DescribeTargetGroupsCommandInput,
  DescribeTargetGroupsCommandOutput,
  ModifyTargetGroupAttributesCommandInput,
  ModifyTargetGroupAttributesCommandOutput,
  ModifyTargetGroupCommandInput,
  ModifyTargetGroupCommandOutput,
  TargetGroup,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import type { Output, RequestContext } from "../../protocols/operation";
import { elbArn, newElbId } from "../../store/elb-arns";
import { targetGroupsInUse } from "../../engine/load-balancing/group-usage";
import type { TargetGroupRecord } from "../../store/elb-records";
import type { EcsWorld } from "../../world";
import { attributeList, defaultAttributes, readAttributeChanges, targetGroupAttributeSpecs } from "./attributes";
import { DuplicateTargetGroupName, ResourceInUse, TargetGroupNotFound, ValidationError } from "./errors";
import { applyHealthCheck, defaultHealthCheck } from "./health-checks";
import { absent, optionalEnum, optionalInteger, optionalString, optionalStrings, requiredString, sameJson } from "./input";
import { requireArn, requireLoadBalancer, requireTargetGroup } from "./lookups";
import { paginate } from "./pagination";
import { dropTags, putTags, readTags } from "./tags";

const NAME = /^[A-Za-z0-9-]+$/;
const PROTOCOLS = ["HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "GENEVE", "QUIC", "TCP_QUIC"] as const;
const TARGET_TYPES = ["instance", "ip", "lambda", "alb"] as const;
const PROTOCOL_VERSIONS = ["HTTP1", "HTTP2", "GRPC"] as const;

function readName(value: unknown): string {
  const name = requiredString(value, "Name");
  if (name.length > 32) throw new ValidationError(`Target group name '${name}' cannot be longer than '32' characters`);
  if (!NAME.test(name)) {
    throw new ValidationError(`Target group name '${name}' can only contain characters that are alphanumeric characters or hyphens(-)`);
  }
  if (name.startsWith("-") || name.endsWith("-")) throw new ValidationError(`Target group name '${name}' cannot begin or end with '-'`);
  return name;
}

/** Everything but the health check: what the target group is and where its targets live. */
function readIdentity(world: EcsWorld, input: CreateTargetGroupCommandInput): TargetGroup {
  const name = readName(input.Name);
  const targetType = optionalEnum(input.TargetType, "TargetType", TARGET_TYPES) ?? "instance";
  const protocol = optionalEnum(input.Protocol, "Protocol", PROTOCOLS);
  const port = optionalInteger(input.Port, "Port", 1, 65535);
  const vpcId = optionalString(input.VpcId, "VpcId") || undefined;
  const base = { TargetGroupArn: elbArn.targetGroup(world.settings, name, newElbId()), TargetGroupName: name, TargetType: targetType };
  if (targetType === "lambda") {
    if (protocol || port !== undefined || vpcId) {
      throw new ValidationError("Protocol, port and VPC ID cannot be specified for target groups with target type 'lambda'");
    }
    return { ...base, LoadBalancerArns: [] };
  }
  if (!protocol) throw new ValidationError("A protocol must be specified");
  if (port === undefined) throw new ValidationError("A port must be specified");
  if (!vpcId) throw new ValidationError("A VPC ID must be specified");
  if (!/^vpc-[0-9a-zA-Z]+$/.test(vpcId)) throw new ValidationError(`The VPC ID '${vpcId}' is not valid`);
  if (targetType === "alb" && protocol !== "TCP") throw new ValidationError("Target groups with target type 'alb' must use the protocol 'TCP'");
  const http = protocol === "HTTP" || protocol === "HTTPS";
  const version = optionalEnum(input.ProtocolVersion, "ProtocolVersion", PROTOCOL_VERSIONS);
  if (version && !http) throw new ValidationError("A protocol version can be specified only for HTTP and HTTPS target groups");
  const ipAddressType = optionalEnum(input.IpAddressType, "IpAddressType", ["ipv4", "ipv6"] as const) ?? "ipv4";
  if (ipAddressType === "ipv6" && targetType !== "ip") throw new ValidationError("IPv6 target groups must have target type 'ip'");
  return {
    ...base,
    Protocol: protocol,
    Port: port,
    VpcId: vpcId,
    ProtocolVersion: http ? (version ?? "HTTP1") : undefined,
    IpAddressType: ipAddressType,
    LoadBalancerArns: [],
  };
}

/** CreateTargetGroup's idempotency: every setting but the ARN and the load balancers. */
function sameSettings(a: TargetGroup, b: TargetGroup): boolean {
  const settings = ({ TargetGroupArn: _arn, LoadBalancerArns: _lbs, ...rest }: TargetGroup) => rest;
  return sameJson(settings(a), settings(b));
}

function findByName(world: EcsWorld, name: string): TargetGroupRecord | undefined {
  for (const record of world.elb.targetGroups.values()) {
    if (record.targetGroup.TargetGroupName === name) return record;
  }
  return undefined;
}

function describeSelected(world: EcsWorld, input: DescribeTargetGroupsCommandInput): TargetGroupRecord[] {
  const arns = optionalStrings(input.TargetGroupArns, "TargetGroupArns") ?? [];
  const names = optionalStrings(input.Names, "Names") ?? [];
  const loadBalancerArn = optionalString(input.LoadBalancerArn, "LoadBalancerArn") || undefined;
  if ([arns.length > 0, names.length > 0, loadBalancerArn !== undefined].filter(Boolean).length > 1) {
    throw new ValidationError("Target group names, target group ARNs, and a load balancer ARN cannot be specified at the same time");
  }
  const all = [...world.elb.targetGroups.values()];
  if (loadBalancerArn !== undefined) {
    requireLoadBalancer(world, loadBalancerArn);
    return all.filter((record) => record.targetGroup.LoadBalancerArns?.includes(loadBalancerArn));
  }
  if (arns.length > 0) {
    return arns.map((arn) => {
      const record = world.elb.targetGroups.get(requireArn(arn, "TargetGroupArns", "targetgroup"));
      if (!record) throw new TargetGroupNotFound("One or more target groups not found");
      return record;
    });
  }
  if (names.length > 0) {
    return names.map((name) => {
      const record = findByName(world, name);
      if (!record) throw new TargetGroupNotFound("One or more target groups not found");
      return record;
    });
  }
  return all;
}

export function createTargetGroupOperations(world: EcsWorld) {
  return {
    CreateTargetGroup(_ctx: RequestContext, input: CreateTargetGroupCommandInput): Output<CreateTargetGroupCommandOutput> {
      const identity = readIdentity(world, input);
      const targetGroup: TargetGroup = { ...identity, ...applyHealthCheck(identity, defaultHealthCheck(identity), input) };
      const tags = readTags(input.Tags);
      const existing = findByName(world, targetGroup.TargetGroupName!);
      if (existing) {
        if (sameSettings(existing.targetGroup, targetGroup)) return { TargetGroups: [existing.targetGroup] };
        throw new DuplicateTargetGroupName(`A target group with the same name '${targetGroup.TargetGroupName}' exists, but with different settings`);
      }
      const arn = targetGroup.TargetGroupArn!;
      world.elb.db.transaction(() => {
        world.elb.targetGroups.put(arn, { targetGroup, attributes: defaultAttributes(targetGroupAttributeSpecs(targetGroup)), targets: [] });
        putTags(world, arn, tags);
      });
      return { TargetGroups: [targetGroup] };
    },

    DescribeTargetGroups(_ctx: RequestContext, input: DescribeTargetGroupsCommandInput): Output<DescribeTargetGroupsCommandOutput> {
      const page = paginate(describeSelected(world, input), input);
      return { TargetGroups: page.items.map((record) => record.targetGroup), NextMarker: page.nextMarker };
    },

    ModifyTargetGroup(_ctx: RequestContext, input: ModifyTargetGroupCommandInput): Output<ModifyTargetGroupCommandOutput> {
      const record = requireTargetGroup(world, input.TargetGroupArn);
      const targetGroup = { ...record.targetGroup, ...applyHealthCheck(record.targetGroup, record.targetGroup, input) };
      world.elb.targetGroups.put(targetGroup.TargetGroupArn!, { ...record, targetGroup });
      world.loadBalancing.targetGroupChanged(targetGroup.TargetGroupArn!);
      return { TargetGroups: [targetGroup] };
    },

    DeleteTargetGroup(_ctx: RequestContext, input: DeleteTargetGroupCommandInput): Output<DeleteTargetGroupCommandOutput> {
      const arn = requireArn(input.TargetGroupArn, "TargetGroupArn", "targetgroup");
      // DeleteTargetGroup documents no NotFound error: deleting a missing group succeeds.
      if (!world.elb.targetGroups.has(arn)) return {};
      if (targetGroupsInUse(world.elb).has(arn)) throw new ResourceInUse(`Target group '${arn}' is currently in use by a listener or a rule`);
      world.elb.db.transaction(() => {
        world.elb.targetGroups.delete(arn);
        dropTags(world, arn);
      });
      world.loadBalancing.targetGroupChanged(arn);
      return {};
    },

    DescribeTargetGroupAttributes(
      _ctx: RequestContext,
      input: DescribeTargetGroupAttributesCommandInput,
    ): Output<DescribeTargetGroupAttributesCommandOutput> {
      const record = requireTargetGroup(world, input.TargetGroupArn);
      return { Attributes: attributeList(record.attributes, targetGroupAttributeSpecs(record.targetGroup)) };
    },

    ModifyTargetGroupAttributes(
      _ctx: RequestContext,
      input: ModifyTargetGroupAttributesCommandInput,
    ): Output<ModifyTargetGroupAttributesCommandOutput> {
      const record = requireTargetGroup(world, input.TargetGroupArn);
      if (absent(input.Attributes)) throw new ValidationError("Attributes is required.");
      const specs = targetGroupAttributeSpecs(record.targetGroup);
      const attributes = { ...record.attributes, ...readAttributeChanges(input.Attributes, specs, "Target group") };
      world.elb.targetGroups.put(record.targetGroup.TargetGroupArn!, { ...record, attributes });
      world.loadBalancing.targetGroupChanged(record.targetGroup.TargetGroupArn!);
      return { Attributes: attributeList(attributes, specs) };
    },
  };
}
