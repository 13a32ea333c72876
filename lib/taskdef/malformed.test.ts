import { describe, expect, it } from "vitest";
import { malformedTaskDefinition, seededRandom } from "./malformed-inputs.fixture";
import { validateTaskDefinition } from "./validation";

/** True when the path, or the node holding its last segment, exists in the input. */
function pointsIntoInput(input: unknown, path: string): boolean {
  if (path === "") return true;
  const segments = path.split(".");
  let node: unknown = input;
  for (const [index, segment] of segments.entries()) {
    if (node === null || typeof node !== "object") return false;
    if (!Object.prototype.hasOwnProperty.call(node, segment)) return index === segments.length - 1;
    node = (node as Record<string, unknown>)[segment];
  }
  return true;
}

describe("a generated batch of 1,500 malformed task definitions", () => {
  it("never throws and gives each one a field-level error that points into the input", () => {
    const random = seededRandom(20_261_126);
    const offenders: string[] = [];
    for (let index = 0; index < 1500; index++) {
      const input = malformedTaskDefinition(random);
      let result: ReturnType<typeof validateTaskDefinition>;
      try {
        result = validateTaskDefinition(input);
      } catch (error) {
        offenders.push(`#${index} threw ${String(error)}`);
        continue;
      }
      const paths = result.ok ? [] : Object.keys(result.fieldErrors);
      const isObject = input !== null && typeof input === "object" && !Array.isArray(input);
      const located = paths.filter((path) => pointsIntoInput(input, path) && (path !== "" || !isObject));
      if (located.length === 0) offenders.push(`#${index}: ${JSON.stringify(result).slice(0, 200)} for ${JSON.stringify(input).slice(0, 400)}`);
    }
    expect(offenders).toEqual([]);
  });

  it("leaves no prototype polluted", () => {
    validateTaskDefinition(JSON.parse('{"__proto__":{"polluted":true},"containerDefinitions":[{"__proto__":{"polluted":true}}]}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
