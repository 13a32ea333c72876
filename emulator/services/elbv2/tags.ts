import type {
  AddTagsCommandInput,
  AddTagsCommandOutput,
  DescribeTagsCommandInput,
  DescribeTagsCommandOutput,
  RemoveTagsCommandInput,
  RemoveTagsCommandOutput,
  Tag,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import type { Output, RequestContext } from "../../protocols/operation";
import type { EcsWorld } from "../../world";
import {
  DuplicateTagKeys,
  ListenerNotFound,
  LoadBalancerNotFound,
  RuleNotFound,
  TargetGroupNotFound,
  TooManyTags,
  ValidationError,
} from "./errors";
import { absent, maxItems, optionalString, readList, readObject, readStrings } from "./input";
import { elbResourceType } from "./lookups";

/**
 * Tags of load balancers, target groups, listeners and rules, kept beside the resource and
 * keyed by its ARN. Limits are ELBv2's: 50 tags a resource, keys 1–128 and values 0–256
 * characters, no `aws:` prefix, 20 resources a call. Keys under `local-ecs:` are local ECS's
 * own (a listener's real address): users can neither set nor remove them, and they do not
 * count toward the limit.
 */
const RESERVED_PREFIXES = ["aws:", "local-ecs:"];
const isReserved = (key: string) => RESERVED_PREFIXES.some((prefix) => key.toLowerCase().startsWith(prefix));
export const MAX_TAGS = 50;
const MAX_RESOURCES = 20;
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** Validates a tag list from a request; the same key twice is DuplicateTagKeys. */
export function readTags(value: unknown, field = "Tags"): Tag[] {
  if (absent(value)) return [];
  const tags = readList(value, field).map((raw) => {
    const tag = readObject(raw, "Tag");
    const key = optionalString(tag.Key, "Tag Key") ?? "";
    const tagValue = optionalString(tag.Value, "Tag Value") ?? "";
    if (key.length < 1 || key.length > 128 || !TAG_TEXT.test(key)) {
      throw new ValidationError(`Tag key '${key}' is not valid: it must be 1-128 letters, digits, spaces or _.:/=+-@.`);
    }
    if (isReserved(key)) throw new ValidationError(`Tag key '${key}' uses a reserved prefix (${RESERVED_PREFIXES.join(" or ")}).`);
    if (tagValue.length > 256 || !TAG_TEXT.test(tagValue)) {
      throw new ValidationError(`Tag value for key '${key}' is not valid: it must be 0-256 letters, digits, spaces or _.:/=+-@.`);
    }
    return { Key: key, Value: tagValue };
  });
  const seen = new Set<string>();
  for (const tag of tags) {
    if (seen.has(tag.Key)) throw new DuplicateTagKeys(`Tag key '${tag.Key}' was specified more than once.`);
    seen.add(tag.Key);
  }
  if (tags.length > MAX_TAGS) throw new TooManyTags();
  return tags;
}

export function tagsOf(world: EcsWorld, resourceArn: string): Tag[] {
  return world.elb.tags.get(resourceArn)?.tags ?? [];
}

/** Adds or overwrites tags by key; throws TooManyTags before writing when the total exceeds 50. */
export function putTags(world: EcsWorld, resourceArn: string, tags: Tag[]): void {
  if (tags.length === 0) return;
  world.elb.tags.put(resourceArn, { resourceArn, tags: mergedTags(world, resourceArn, tags) });
}

function mergedTags(world: EcsWorld, resourceArn: string, tags: Tag[]): Tag[] {
  const merged = new Map(tagsOf(world, resourceArn).map((tag) => [tag.Key!, tag]));
  for (const tag of tags) merged.set(tag.Key!, tag);
  if ([...merged.keys()].filter((key) => !isReserved(key)).length > MAX_TAGS) throw new TooManyTags();
  return [...merged.values()];
}

/** A deleted resource's tags go with it. */
export function dropTags(world: EcsWorld, resourceArn: string): void {
  if (world.elb.tags.has(resourceArn)) world.elb.tags.delete(resourceArn);
}

/** Throws the resource kind's NotFound unless the ARN names something local ECS holds. */
function requireTaggable(world: EcsWorld, arn: string): void {
  switch (elbResourceType(arn)) {
    case "loadbalancer":
      if (!world.elb.loadBalancers.has(arn)) throw new LoadBalancerNotFound();
      return;
    case "targetgroup":
      if (!world.elb.targetGroups.has(arn)) throw new TargetGroupNotFound();
      return;
    case "listener":
      if (!world.elb.listeners.has(arn)) throw new ListenerNotFound();
      return;
    case "listener-rule":
      if (!world.elb.rules.has(arn)) throw new RuleNotFound();
      return;
    default:
      throw new ValidationError(`'${arn}' is not a valid resource ARN`);
  }
}

function readResourceArns(value: unknown, world: EcsWorld): string[] {
  const arns = maxItems(readStrings(value, "ResourceArns"), MAX_RESOURCES, "ResourceArns");
  if (arns.length === 0) throw new ValidationError("ResourceArns must name at least one resource.");
  for (const arn of arns) requireTaggable(world, arn);
  return arns;
}

export function createTagOperations(world: EcsWorld) {
  return {
    AddTags(_ctx: RequestContext, input: AddTagsCommandInput): Output<AddTagsCommandOutput> {
      const arns = readResourceArns(input.ResourceArns, world);
      const tags = readTags(input.Tags);
      if (tags.length === 0) throw new ValidationError("Tags must contain at least one tag.");
      // Every resource is checked before any is written, so a failure changes nothing.
      const updates = arns.map((arn) => ({ arn, tags: mergedTags(world, arn, tags) }));
      world.elb.db.transaction(() => {
        for (const update of updates) world.elb.tags.put(update.arn, { resourceArn: update.arn, tags: update.tags });
      });
      return {};
    },

    RemoveTags(_ctx: RequestContext, input: RemoveTagsCommandInput): Output<RemoveTagsCommandOutput> {
      const arns = readResourceArns(input.ResourceArns, world);
      const keys = readStrings(input.TagKeys, "TagKeys");
      if (keys.length === 0) throw new ValidationError("TagKeys must contain at least one key.");
      const reserved = keys.find(isReserved);
      if (reserved) throw new ValidationError(`Tag key '${reserved}' is local ECS's own and cannot be removed.`);
      world.elb.db.transaction(() => {
        for (const arn of arns) {
          const remaining = tagsOf(world, arn).filter((tag) => !keys.includes(tag.Key!));
          world.elb.tags.put(arn, { resourceArn: arn, tags: remaining });
        }
      });
      return {};
    },

    DescribeTags(_ctx: RequestContext, input: DescribeTagsCommandInput): Output<DescribeTagsCommandOutput> {
      const arns = readResourceArns(input.ResourceArns, world);
      return { TagDescriptions: arns.map((arn) => ({ ResourceArn: arn, Tags: tagsOf(world, arn) })) };
    },
  };
}
