import { describe, expect, it } from "vitest";
import { jsonTextError } from "./draft-json";
import { validTaskDefinition } from "./fixtures";

describe("where JSON text goes wrong", () => {
  it.each([
    ['{"a": 1,, "b": 2}', 'Expected a property name in double quotes, found ","', 8],
    ['{"a": 1 "b": 2}', 'Expected , or }, found "\\""', 8],
    ['{"a" 1}', 'Expected : after the property name, found "1"', 5],
    ['{"a": tru}', 'Expected a value, found "t"', 6],
    ['{"a": [1, 2,]}', 'Expected a value, found "]"', 12],
    ['{"a": 01}', 'Expected , or }, found "1"', 7],
    ['{"a": "x\\q"}', "Invalid escape in a string", 9],
    ['{"a": "line\nbreak"}', "A string cannot hold a line break or control character: write \\n", 11],
    ['{"a": 1} {}', 'Unexpected text after the JSON, found "{"', 9],
    ['{"a": "open', "The JSON ends before it is complete", 11],
    ["", "The JSON ends before it is complete", 0],
  ])("%j: %s at %d", (text, message, offset) => {
    expect(jsonTextError(text)).toEqual({ message, offset });
  });

  it("finds nothing wrong in JSON that parses", () => {
    const text = JSON.stringify({ ...validTaskDefinition(), escaped: 'quote " slash \\ tab \t unicode \u00e9 \u2028', numbers: [-0.5e3, 0, 1e-7] }, null, 2);
    expect(jsonTextError(text)).toBeUndefined();
  });

  it("agrees with JSON.parse on 2,000 damaged task definitions: an error exactly when it refuses", () => {
    const text = JSON.stringify(validTaskDefinition(), null, 2);
    let seed = 7;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % below;
    };
    const damage = ["", ",", "}", "]", '"', ":", "x", "\n", "\\", "1", " "];
    for (let round = 0; round < 2000; round += 1) {
      const position = random(text.length);
      const damaged = text.slice(0, position) + damage[random(damage.length)]! + text.slice(position + random(3));
      let parses = true;
      try {
        JSON.parse(damaged);
      } catch {
        parses = false;
      }
      const error = jsonTextError(damaged);
      expect({ damaged, found: error !== undefined }).toEqual({ damaged, found: !parses });
      if (error) expect(error.offset).toBeLessThanOrEqual(damaged.length);
    }
  });
});
