import type {
  ListTagsForResourceCommandInput,
  ListTagsForResourceCommandOutput,
  Tag,
  TagResourceCommandInput,
  TagResourceCommandOutput,
  UntagResourceCommandInput,
  UntagResourceCommandOutput,
} from "@aws-sdk/client-ecs";
import type { Output, RequestContext } from "../../protocols/operation";
import { ecsArn, parseEcsArn, type ParsedArn } from "../../store/arns";
import type { EcsWorld } from "../../world";
import { ClusterNotFoundException, InvalidParameterException, ResourceNotFoundException } from "./errors";
import { putTags, removeTags, tagsOf } from "./tag-store";

/**
 * Tagging for every ECS resource local ECS holds. Errors follow ECS: a resource in a missing
 * cluster → ClusterNotFoundException; in a deleted one → InvalidParameterException with ECS's
 * "cluster is inactive" wording; a missing resource → ResourceNotFoundException where the
 * operation documents it (Tag/UntagResource), else InvalidParameterException.
 */
const INVALID_ARN = "The ARN provided is invalid.";
const INACTIVE_CLUSTER = "The specified cluster is inactive. Specify an active cluster and try again.";
const SHORT_ARN = "Long arn format must be used for tagging operations";

type Lookup = "modify" | "read";

/** Whether the resource an ARN names exists; throws for an ARN that cannot name one. */
type ResourceFinder = (world: EcsWorld, arn: string, parsed: ParsedArn) => boolean;

function requireLiveCluster(world: EcsWorld, parsed: ParsedArn): void {
  const record = world.state.clusters.get(ecsArn.cluster(parsed, parsed.path[0]));
  if (!record) throw new ClusterNotFoundException();
  if (record.cluster.status !== "ACTIVE") throw new InvalidParameterException(INACTIVE_CLUSTER);
}

/** Resources that live in a cluster: `<type>/<cluster>/...`, `depth` path parts after the type. */
function inCluster(depth: number, exists: (world: EcsWorld, arn: string) => boolean): ResourceFinder {
  return (world, arn, parsed) => {
    // Old-format ARNs (no cluster in the path) cannot be tagged.
    if (parsed.path.length === 1) throw new InvalidParameterException(SHORT_ARN);
    if (parsed.path.length !== depth) throw new InvalidParameterException(INVALID_ARN);
    requireLiveCluster(world, parsed);
    return exists(world, arn);
  };
}

const FINDERS: Record<string, ResourceFinder> = {
  cluster: (world, _arn, parsed) => {
    if (parsed.path.length !== 1) throw new InvalidParameterException(INVALID_ARN);
    requireLiveCluster(world, parsed);
    return true;
  },
  "task-definition": (world, arn) => world.state.taskDefinitions.has(arn),
  service: inCluster(2, (world, arn) => world.state.services.has(arn)),
  task: inCluster(2, (world, arn) => world.state.tasks.has(arn)),
  "service-deployment": inCluster(3, (world, arn) => world.state.serviceDeployments.has(arn)),
  // Taggable in ECS, but local ECS never holds one: always missing.
  "container-instance": () => false,
  "capacity-provider": () => false,
  "task-set": () => false,
};

function requireResourceArn(value: unknown): string {
  if (typeof value !== "string" || value === "") throw new InvalidParameterException("resourceArn is required.");
  return value;
}

/** Throws unless `arn` names a resource local ECS holds and can tag. */
function requireTaggable(world: EcsWorld, arn: string, lookup: Lookup): void {
  const parsed = parseEcsArn(arn);
  const finder = parsed && Object.hasOwn(FINDERS, parsed.resourceType) ? FINDERS[parsed.resourceType] : undefined;
  if (!parsed || !finder) throw new InvalidParameterException(INVALID_ARN);
  if (finder(world, arn, parsed)) return;
  if (lookup === "modify") throw new ResourceNotFoundException("The specified resource could not be found.");
  throw new InvalidParameterException("The specified resource is not valid.");
}

function readTagKeys(value: unknown): string[] {
  if (!Array.isArray(value) || value.some((key) => typeof key !== "string")) {
    throw new InvalidParameterException("tagKeys must be a list of strings.");
  }
  return value as string[];
}

export function createTagOperations(world: EcsWorld) {
  return {
    TagResource(_ctx: RequestContext, input: TagResourceCommandInput): Output<TagResourceCommandOutput> {
      const arn = requireResourceArn(input.resourceArn);
      if (input.tags === undefined || input.tags === null) throw new InvalidParameterException("tags is required.");
      requireTaggable(world, arn, "modify");
      putTags(world.state, arn, input.tags as Tag[]);
      return {};
    },

    UntagResource(_ctx: RequestContext, input: UntagResourceCommandInput): Output<UntagResourceCommandOutput> {
      const arn = requireResourceArn(input.resourceArn);
      const keys = readTagKeys(input.tagKeys);
      requireTaggable(world, arn, "modify");
      removeTags(world.state, arn, keys);
      return {};
    },

    ListTagsForResource(_ctx: RequestContext, input: ListTagsForResourceCommandInput): Output<ListTagsForResourceCommandOutput> {
      const arn = requireResourceArn(input.resourceArn);
      requireTaggable(world, arn, "read");
      return { tags: tagsOf(world.state, arn) };
    },
  };
}
