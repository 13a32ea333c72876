import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "./action-result";

describe("fieldErrorsOf", () => {
  it("keeps the first message per field path, joined with dots, and puts pathless ones on the form", () => {
    expect(
      fieldErrorsOf([
        { path: ["desiredCount"], message: "Too many." },
        { path: ["desiredCount"], message: "Not whole." },
        { path: ["strategy", 0, "weight"], message: "Negative." },
        { path: [], message: "Pick one." },
      ]),
    ).toEqual({ desiredCount: "Too many.", "strategy.0.weight": "Negative.", form: "Pick one." });
  });
});
