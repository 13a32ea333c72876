import type { AvailabilityZone } from "@aws-sdk/client-elastic-load-balancing-v2";
import { createHash, randomInt } from "node:crypto";
import type { LocalEcsSettings } from "../../world";
import { InvalidSecurityGroup, SubnetNotFound, ValidationError } from "./errors";
import { absent, optionalList, optionalString, optionalStrings, readObject } from "./input";

/**
 * Where a load balancer "lives". Local ECS has no EC2, so subnets, security groups and the VPC
 * are names only: each subnet gets an Availability Zone by its position (region + a, b, c…),
 * which keeps the ALB rule of two zones satisfiable and deterministic; the VPC and its
 * default security group are derived from the account and region.
 */
const SUBNET_ID = /^subnet-[0-9a-zA-Z]+$/;
const SECURITY_GROUP_ID = /^sg-[0-9a-zA-Z]+$/;
const MAX_SECURITY_GROUPS = 5;

function hex(text: string, length: number): string {
  return createHash("sha256").update(text).digest("hex").slice(0, length);
}

export function localVpcId(settings: LocalEcsSettings): string {
  return `vpc-${hex(`vpc:${settings.accountId}:${settings.region}`, 17)}`;
}

export function defaultSecurityGroupId(settings: LocalEcsSettings): string {
  return `sg-${hex(`sg:${localVpcId(settings)}`, 17)}`;
}

/** AWS's hosted zone ids for load balancer DNS names, per region and type; us-east-1's elsewhere. */
const HOSTED_ZONES: Record<string, { application: string; network: string }> = {
  "us-east-1": { application: "Z35SXDOTRQ7X7K", network: "Z26RNL4JYFTOTI" },
  "us-east-2": { application: "Z3AADJGX6KTTL2", network: "ZLMOA37VPKANP" },
  "us-west-1": { application: "Z368ELLRRE2KJ0", network: "Z24FKFUX50B4VW" },
  "us-west-2": { application: "Z1H1FL5HABSF5", network: "Z18D5FSROUN65G" },
  "eu-west-1": { application: "Z32O12XQLNTSW2", network: "Z2IFOLAFXWLO4F" },
  "eu-central-1": { application: "Z215JYRZR1TBD5", network: "Z3F0SRJ5LGBH90" },
  "ap-northeast-1": { application: "Z14GRHDCWA56QT", network: "Z31USIVHYNEOWT" },
  "ap-southeast-1": { application: "Z1LMS91P8CMLE5", network: "ZKVM4W9LS7TM" },
};

export function hostedZoneId(region: string, type: "application" | "network"): string {
  return (HOSTED_ZONES[region] ?? HOSTED_ZONES["us-east-1"])[type];
}

/**
 * `*.localhost` resolves to loopback in browsers and curl, so these names work locally.
 * ALBs: `[internal-]<name>-<10 digits>.<region>.elb.localhost`; NLBs: `<name>-<id>.elb.<region>.localhost`.
 */
export function dnsNameFor(settings: LocalEcsSettings, type: "application" | "network", name: string, scheme: string, id: string): string {
  if (type === "network") return `${name}-${id}.elb.${settings.region}.localhost`;
  const digits = String(randomInt(1_000_000_000, 10_000_000_000));
  return `${scheme === "internal" ? "internal-" : ""}${name}-${digits}.${settings.region}.elb.localhost`;
}

function zoneName(region: string, index: number): string {
  return `${region}${String.fromCharCode(97 + (index % 26))}`;
}

/** Subnets or SubnetMappings (not both) → the load balancer's zones; ALBs need two. */
export function readAvailabilityZones(input: { Subnets?: unknown; SubnetMappings?: unknown }, region: string, network: boolean): AvailabilityZone[] {
  const subnets = optionalStrings(input.Subnets, "Subnets");
  const mappings = optionalList(input.SubnetMappings, "SubnetMappings");
  if (subnets?.length && mappings?.length) throw new ValidationError("You can specify subnets or subnet mappings, not both.");
  const zones: AvailabilityZone[] = subnets?.length
    ? subnets.map((subnetId) => ({ SubnetId: subnetId }))
    : (mappings ?? []).map((raw) => readSubnetMapping(raw, network));
  for (const zone of zones) {
    if (!SUBNET_ID.test(zone.SubnetId!)) throw new SubnetNotFound(`The subnet ID '${zone.SubnetId}' is not valid`);
  }
  if (new Set(zones.map((zone) => zone.SubnetId)).size !== zones.length) {
    throw new ValidationError("A subnet can be specified only once.");
  }
  if (network ? zones.length < 1 : zones.length < 2) {
    throw new ValidationError(
      network ? "At least one subnet must be specified." : "At least two subnets in two different Availability Zones must be specified",
    );
  }
  return zones.map((zone, index) => ({ ZoneName: zoneName(region, index), ...zone }));
}

function readSubnetMapping(raw: unknown, network: boolean): AvailabilityZone {
  const mapping = readObject(raw, "SubnetMapping");
  const subnetId = optionalString(mapping.SubnetId, "SubnetMapping.SubnetId") ?? "";
  const allocationId = optionalString(mapping.AllocationId, "AllocationId");
  const privateAddress = optionalString(mapping.PrivateIPv4Address, "PrivateIPv4Address");
  if (!network && (allocationId || privateAddress)) {
    throw new ValidationError("Elastic IP addresses and private IPv4 addresses can be specified only for Network Load Balancers.");
  }
  const address = allocationId || privateAddress ? [{ AllocationId: allocationId, PrivateIPv4Address: privateAddress }] : [];
  return { SubnetId: subnetId, LoadBalancerAddresses: network ? address : undefined };
}

/** ALBs always have security groups (the VPC's default when none is given); NLBs only when given. */
export function readSecurityGroups(value: unknown, settings: LocalEcsSettings, network: boolean): string[] | undefined {
  if (absent(value) || (Array.isArray(value) && value.length === 0) || value === "") {
    return network ? undefined : [defaultSecurityGroupId(settings)];
  }
  const groups = optionalStrings(value, "SecurityGroups") ?? [];
  for (const group of groups) {
    if (!SECURITY_GROUP_ID.test(group)) throw new InvalidSecurityGroup(`Invalid security group '${group}'`);
  }
  if (groups.length > MAX_SECURITY_GROUPS) throw new ValidationError(`A load balancer can have at most ${MAX_SECURITY_GROUPS} security groups.`);
  return [...new Set(groups)];
}
