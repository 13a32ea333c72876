import { z } from "zod";
import { scaleServiceInput } from "./operations";

/**
 * Scaling as the form asks it: scaleServiceInput, except that a blank field is not zero. A
 * number coerced from "" would be 0, and scaling to 0 stops every task, so it must be typed.
 */
export const scaleRequestInput = z.preprocess((raw) => {
  if (raw === null || typeof raw !== "object") return raw;
  const { desiredCount } = raw as Record<string, unknown>;
  return typeof desiredCount === "string" && desiredCount.trim() === "" ? { ...raw, desiredCount: undefined } : raw;
}, scaleServiceInput);
