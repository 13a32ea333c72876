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
      syntheticTraffic: 0,
      apiLatencyMs: 0,
      apiErrorRate: 0,
      allowedHosts: [],
    });
  });

  it("takes every flag, with its value after a space or an equals sign", () => {
    expect(
      run(
        "--port=4600", "--host", "0.0.0.0", "--data-dir", "/tmp/x", "--time-scale=60", "--region", "eu-west-1", "--no-seed", "--reset",
        "--log-requests", "--throttling", "tight", "--synthetic-traffic", "2.5", "--api-latency-ms=150", "--api-error-rate", "0.25",
        "--allowed-host", "ecs.internal",
      ),
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
      syntheticTraffic: 2.5,
      apiLatencyMs: 150,
      apiErrorRate: 0.25,
      allowedHosts: ["ecs.internal"],
    });
  });

  it("lets a launcher change the synthetic traffic default, and the user override it", () => {
    expect(run().syntheticTraffic).toBe(0);
    const started = (...argv: string[]) => {
      const command = parseCliOptions(argv, { syntheticTraffic: 5 });
      if (command.kind !== "run") throw new Error("expected options");
      return command.options.syntheticTraffic;
    };
    expect(started()).toBe(5);
    expect(started("--synthetic-traffic", "0")).toBe(0);
    expect(started("--synthetic-traffic=20")).toBe(20);
    expect(helpText("npm start --", { syntheticTraffic: 5 })).toMatch(/--synthetic-traffic N +real requests per second through each load balancer \(default 5\)/);
    expect(helpText("x")).toContain("(default 0)");
  });

  it("accepts the fault knobs at their bounds", () => {
    expect(run("--api-error-rate", "0").apiErrorRate).toBe(0);
    expect(run("--api-error-rate", "1").apiErrorRate).toBe(1);
    expect(run("--api-latency-ms", "0").apiLatencyMs).toBe(0);
    expect(run("--synthetic-traffic", "0.5").syntheticTraffic).toBe(0.5);
  });

  it("accepts port 0 (a free port) and fractional time scales", () => {
    expect(run("--port", "0").port).toBe(0);
    expect(run("--time-scale", "0.5").timeScale).toBe(0.5);
  });

  it("answers --help and -h with help, even beside other flags", () => {
    expect(parseCliOptions(["--help"])).toEqual({ kind: "help" });
    expect(parseCliOptions(["--port", "1", "-h"])).toEqual({ kind: "help" });
    expect(helpText("npm run emulator --")).toMatch(/^Usage: npm run emulator -- \[flags\]/);
    const flags = ["--port", "--host", "--data-dir", "--time-scale", "--region", "--throttling", "--synthetic-traffic", "--api-latency-ms", "--api-error-rate", "--allowed-host"];
    for (const flag of [...flags, "--no-seed", "--reset", "--log-requests", "--help"]) {
      expect(helpText("x")).toContain(flag);
    }
  });

  it("adds up allowed hosts from repeated flags, comma-separated lists and LOCAL_ECS_ALLOWED_HOSTS, lower-cased, each once", () => {
    const allowed = (argv: string[], env: Record<string, string> = {}) => {
      const command = parseCliOptions(argv, {}, env);
      if (command.kind !== "run") throw new Error("expected options");
      return command.options.allowedHosts;
    };
    expect(allowed(["--allowed-host", "ECS.internal", "--allowed-host=local-ecs,my_service_1"])).toEqual(["ecs.internal", "local-ecs", "my_service_1"]);
    expect(allowed([], { LOCAL_ECS_ALLOWED_HOSTS: " a.test , b.test," })).toEqual(["a.test", "b.test"]);
    expect(allowed(["--allowed-host", "a.test"], { LOCAL_ECS_ALLOWED_HOSTS: "a.test,c.test" })).toEqual(["a.test", "c.test"]);
    expect(allowed([], { OTHER: "x" })).toEqual([]);
    expect(helpText("x")).toContain("LOCAL_ECS_ALLOWED_HOSTS");
  });

  it("refuses an allowed host with a scheme, port or path, or none at all", () => {
    expect(mistake("--allowed-host", "http://ecs.internal")).toBe('--allowed-host takes host names such as ecs.internal, without scheme or port, not "http://ecs.internal"');
    expect(mistake("--allowed-host", "ecs.internal:4510")).toMatch(/^--allowed-host /);
    expect(mistake("--allowed-host", "ecs.internal/x")).toMatch(/^--allowed-host /);
    expect(mistake("--allowed-host", ",")).toBe("--allowed-host needs a host name");
    expect(mistake("--allowed-host")).toBe("--allowed-host needs a value");
    expect(() => parseCliOptions([], {}, { LOCAL_ECS_ALLOWED_HOSTS: "x:1" })).toThrow('LOCAL_ECS_ALLOWED_HOSTS takes host names such as ecs.internal, without scheme or port, not "x:1"');
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
    expect(mistake("--synthetic-traffic", "-1")).toBe('--synthetic-traffic must be a number of requests per second from 0 to 1000, not "-1"');
    expect(mistake("--synthetic-traffic", "lots")).toMatch(/^--synthetic-traffic /);
    expect(mistake("--synthetic-traffic", "5000")).toMatch(/^--synthetic-traffic /);
    expect(mistake("--synthetic-traffic=")).toMatch(/^--synthetic-traffic /);
    expect(mistake("--api-latency-ms", "-5")).toBe('--api-latency-ms must be a whole number of milliseconds from 0 to 3600000, not "-5"');
    expect(mistake("--api-latency-ms", "1.5")).toMatch(/^--api-latency-ms /);
    expect(mistake("--api-latency-ms", "1e3")).toMatch(/^--api-latency-ms /);
    expect(mistake("--api-latency-ms")).toBe("--api-latency-ms needs a value");
    expect(mistake("--api-error-rate", "1.5")).toBe('--api-error-rate must be a number from 0 to 1, not "1.5"');
    expect(mistake("--api-error-rate", "-0.1")).toMatch(/^--api-error-rate /);
    expect(mistake("--api-error-rate", "25%")).toMatch(/^--api-error-rate /);
    expect(mistake("--api-error-rate", "NaN")).toMatch(/^--api-error-rate /);
    expect(mistake("--reset=yes")).toBe("--reset takes no value");
    expect(mistake("--seed")).toBe("unknown flag --seed (see --help)");
    expect(mistake("--colour=red")).toBe("unknown flag --colour (see --help)");
    expect(mistake("4510")).toBe('unexpected argument "4510" (see --help)');
  });
});
