import { describe, expect, it } from "vitest";
import { CliUsageError, helpText, parseCliOptions, type CliOptions } from "./cli-options";

function run(...argv: string[]): CliOptions {
  const command = parseCliOptions(argv);
  if (command.kind !== "run") throw new Error(`expected options, got ${command.kind}`);
  return command.options;
}

function mistake(...argv: string[]): string {
  try {
    parseCliOptions(argv);
  } catch (error) {
    if (error instanceof CliUsageError) return error.message;
    throw error;
  }
  throw new Error(`${argv.join(" ")} was accepted`);
}

describe("emulator command-line flags", () => {
  it("defaults to loopback port 4510, real time, the demo seed and .data/local-ecs", () => {
    expect(run()).toEqual({
      port: 4510,
      host: "127.0.0.1",
      dataDir: ".data/local-ecs",
      timeScale: 1,
      region: "us-east-1",
      seed: true,
      reset: false,
      logRequests: false,
      throttling: "off",
    });
  });

  it("takes every flag, with its value after a space or an equals sign", () => {
    expect(
      run("--port=4600", "--host", "0.0.0.0", "--data-dir", "/tmp/x", "--time-scale=60", "--region", "eu-west-1", "--no-seed", "--reset", "--log-requests", "--throttling", "tight"),
    ).toEqual({
      port: 4600,
      host: "0.0.0.0",
      dataDir: "/tmp/x",
      timeScale: 60,
      region: "eu-west-1",
      seed: false,
      reset: true,
      logRequests: true,
      throttling: "tight",
    });
  });

  it("accepts port 0 (a free port) and fractional time scales", () => {
    expect(run("--port", "0").port).toBe(0);
    expect(run("--time-scale", "0.5").timeScale).toBe(0.5);
  });

  it("answers --help and -h with help, even beside other flags", () => {
    expect(parseCliOptions(["--help"])).toEqual({ kind: "help" });
    expect(parseCliOptions(["--port", "1", "-h"])).toEqual({ kind: "help" });
    expect(helpText("npm run emulator --")).toMatch(/^Usage: npm run emulator -- \[flags\]/);
    for (const flag of ["--port", "--host", "--data-dir", "--time-scale", "--region", "--throttling", "--no-seed", "--reset", "--log-requests", "--help"]) {
      expect(helpText("x")).toContain(flag);
    }
  });

  it("names the flag in every mistake", () => {
    expect(mistake("--port", "abc")).toBe('--port must be a whole number from 0 to 65535, not "abc"');
    expect(mistake("--port", "70000")).toMatch(/^--port /);
    expect(mistake("--port", "-1")).toMatch(/^--port /);
    expect(mistake("--port")).toBe("--port needs a value");
    expect(mistake("--data-dir", "--reset")).toBe("--data-dir needs a value");
    expect(mistake("--time-scale", "0")).toBe('--time-scale must be a number greater than 0, not "0"');
    expect(mistake("--time-scale", "-5")).toMatch(/^--time-scale /);
    expect(mistake("--time-scale=")).toMatch(/^--time-scale /);
    expect(mistake("--time-scale", "fast")).toMatch(/^--time-scale /);
    expect(mistake("--region", "mars")).toMatch(/^--region /);
    expect(mistake("--throttling", "max")).toBe('--throttling must be off, on or tight, not "max"');
    expect(mistake("--host", "")).toBe("--host must not be empty");
    expect(mistake("--reset=yes")).toBe("--reset takes no value");
    expect(mistake("--seed")).toBe("unknown flag --seed (see --help)");
    expect(mistake("--colour=red")).toBe("unknown flag --colour (see --help)");
    expect(mistake("4510")).toBe('unexpected argument "4510" (see --help)');
  });
});
