import type { Tag } from "@aws-sdk/client-ecs";
import type { EcsState } from "../../store/state";
import { InvalidParameterException } from "./errors";

/**
 * Tags of every taggable ECS resource, kept beside the resource and keyed by its ARN.
 * Limits are ECS's: at most 50 tags, keys 1–128 and values 0–256 characters, no `aws:` prefix.
 */
export const MAX_TAGS = 50;

export function validateTags(tags: Tag[] | undefined): Tag[] {
  if (tags === undefined) return [];
  if (!Array.isArray(tags)) throw new InvalidParameterException("tags must be a list.");
  for (const tag of tags) {
    const key = tag?.key;
    if (typeof key !== "string" || key.length < 1 || key.length > 128) {
      throw new InvalidParameterException("Tag keys must be between 1 and 128 characters.");
    }
    if (key.toLowerCase().startsWith("aws:")) {
      throw new InvalidParameterException("Tag keys may not begin with the reserved prefix aws:.");
    }
    const value = tag.value ?? "";
    if (typeof value !== "string" || value.length > 256) {
      throw new InvalidParameterException("Tag values must be at most 256 characters.");
    }
  }
  return tags.map((tag) => ({ key: tag.key, value: tag.value ?? "" }));
}

export function tagsOf(state: EcsState, resourceArn: string): Tag[] {
  return state.tags.get(resourceArn)?.tags ?? [];
}

/** Adds or overwrites tags by key. */
export function putTags(state: EcsState, resourceArn: string, tags: Tag[] | undefined): void {
  const incoming = validateTags(tags);
  if (incoming.length === 0 && !state.tags.has(resourceArn)) return;
  const merged = new Map(tagsOf(state, resourceArn).map((tag) => [tag.key!, tag]));
  for (const tag of incoming) merged.set(tag.key!, tag);
  if (merged.size > MAX_TAGS) throw new InvalidParameterException(`A resource can have at most ${MAX_TAGS} tags.`);
  state.tags.put(resourceArn, { resourceArn, tags: [...merged.values()] });
}

export function removeTags(state: EcsState, resourceArn: string, keys: string[]): void {
  const remaining = tagsOf(state, resourceArn).filter((tag) => !keys.includes(tag.key!));
  state.tags.put(resourceArn, { resourceArn, tags: remaining });
}

export function dropTags(state: EcsState, resourceArn: string): void {
  if (state.tags.has(resourceArn)) state.tags.delete(resourceArn);
}
