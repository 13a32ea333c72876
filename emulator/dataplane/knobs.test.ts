import { describe, expect, it } from "vitest";
import { readTaskKnobs, TASK_KNOB_DOCS, taskKnobsMarkdownTable } from "./knobs";

const env = (entries: Record<string, string>) => Object.entries(entries).map(([name, value]) => ({ name, value }));

describe("readTaskKnobs", () => {
  it("leaves a container with no environment well behaved", () => {
    expect(readTaskKnobs(undefined)).toEqual({
      failToStart: false,
      crashAfterSeconds: undefined,
      failHealthCheck: false,
      errorRate: 0,
      startupSeconds: 0,
      responseDelayMs: 0,
      warnings: [],
    });
    expect(readTaskKnobs([])).toEqual(readTaskKnobs(undefined));
  });

  it("reads every documented knob", () => {
    const knobs = readTaskKnobs(
      env({
        SLIPWAY_FAIL_TO_START: "true",
        SLIPWAY_CRASH_AFTER_SECONDS: "90",
        SLIPWAY_FAIL_HEALTH_CHECK: "TRUE",
        SLIPWAY_ERROR_RATE: "0.25",
        SLIPWAY_STARTUP_SECONDS: "12.5",
        SLIPWAY_RESPONSE_DELAY_MS: "150",
      }),
    );
    expect(knobs).toEqual({
      failToStart: true,
      crashAfterSeconds: 90,
      failHealthCheck: true,
      errorRate: 0.25,
      startupSeconds: 12.5,
      responseDelayMs: 150,
      warnings: [],
    });
  });

  it("ignores invalid values, keeps the defaults and says why", () => {
    const knobs = readTaskKnobs(
      env({
        SLIPWAY_FAIL_TO_START: "yes",
        SLIPWAY_CRASH_AFTER_SECONDS: "-5",
        SLIPWAY_ERROR_RATE: "1.5",
        SLIPWAY_STARTUP_SECONDS: "soon",
        SLIPWAY_RESPONSE_DELAY_MS: "1e3",
      }),
    );
    expect(knobs).toMatchObject({ failToStart: false, crashAfterSeconds: undefined, errorRate: 0, startupSeconds: 0, responseDelayMs: 0 });
    expect(knobs.warnings).toEqual([
      'SLIPWAY_FAIL_TO_START="yes" was ignored: expected "true" or "false".',
      'SLIPWAY_CRASH_AFTER_SECONDS="-5" was ignored: expected a number of 0 or more.',
      'SLIPWAY_ERROR_RATE="1.5" was ignored: expected a number from 0 to 1.',
      'SLIPWAY_STARTUP_SECONDS="soon" was ignored: expected a number of 0 or more.',
      'SLIPWAY_RESPONSE_DELAY_MS="1e3" was ignored: expected a number from 0 to 300000.',
    ]);
  });

  it("accepts both ends of the error rate range", () => {
    expect(readTaskKnobs(env({ SLIPWAY_ERROR_RATE: "0" })).errorRate).toBe(0);
    expect(readTaskKnobs(env({ SLIPWAY_ERROR_RATE: "1" })).errorRate).toBe(1);
  });

  it("refuses response delays long enough to overflow a timer", () => {
    const knobs = readTaskKnobs(env({ SLIPWAY_RESPONSE_DELAY_MS: "3000000000" }));
    expect(knobs.responseDelayMs).toBe(0);
    expect(knobs.warnings).toHaveLength(1);
  });

  it("warns about a misspelt knob but ignores other variables", () => {
    const knobs = readTaskKnobs(env({ SLIPWAY_FAIL_HEALTHCHECK: "true", PORT: "8080", NODE_ENV: "production" }));
    expect(knobs.failHealthCheck).toBe(false);
    expect(knobs.warnings).toEqual(["SLIPWAY_FAIL_HEALTHCHECK is not a Slipway knob and was ignored."]);
  });

  it("lets a later entry win and treats an empty value as unset", () => {
    const later = readTaskKnobs([
      { name: "SLIPWAY_ERROR_RATE", value: "0.5" },
      { name: "SLIPWAY_ERROR_RATE", value: " 0.1 " },
    ]);
    expect(later.errorRate).toBe(0.1);
    const emptied = readTaskKnobs([
      { name: "SLIPWAY_FAIL_TO_START", value: "true" },
      { name: "SLIPWAY_FAIL_TO_START", value: "" },
    ]);
    expect(emptied).toMatchObject({ failToStart: false, warnings: [] });
  });

  it("skips entries without a name or value", () => {
    expect(readTaskKnobs([{}, { value: "true" }, { name: "SLIPWAY_FAIL_TO_START" }]).warnings).toEqual([]);
  });
});

describe("the knob documentation", () => {
  it("documents exactly the knobs that are read, with working examples", () => {
    const defaults = readTaskKnobs(undefined);
    for (const doc of TASK_KNOB_DOCS) {
      const knobs = readTaskKnobs([{ name: doc.name, value: doc.example }]);
      expect(knobs.warnings, doc.name).toEqual([]);
      expect(knobs, doc.name).not.toEqual(defaults);
    }
    expect(TASK_KNOB_DOCS.map((d) => d.name)).toEqual([
      "SLIPWAY_FAIL_TO_START",
      "SLIPWAY_CRASH_AFTER_SECONDS",
      "SLIPWAY_FAIL_HEALTH_CHECK",
      "SLIPWAY_ERROR_RATE",
      "SLIPWAY_STARTUP_SECONDS",
      "SLIPWAY_RESPONSE_DELAY_MS",
    ]);
  });

  it("renders a Markdown table with one row per knob", () => {
    const lines = taskKnobsMarkdownTable().split("\n");
    expect(lines).toHaveLength(2 + TASK_KNOB_DOCS.length);
    expect(lines[0]).toBe("| variable | example | default | effect |");
    expect(lines[5]).toContain("`SLIPWAY_ERROR_RATE` | `0.25` | 0 |");
  });
});
