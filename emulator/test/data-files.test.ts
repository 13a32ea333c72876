import { CreateClusterCommand, ListClustersCommand } from "@aws-sdk/client-ecs";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startLocalEcs } from "../local-ecs";
import { freePort, killHard, startChildEmulator, type ChildEmulator } from "./child-emulator";
import { ecsClientFor } from "./harness";

/**
 * What local ECS says about its data file when it cannot trust it: a damaged file stops the
 * start with the file's path and the way out; an emptied or vanished one starts empty, warned
 * on stderr with the path. A first start says nothing.
 */
const root = mkdtempSync(join(tmpdir(), "local-ecs-data-files-"));
const children: ChildEmulator[] = [];
afterAll(async () => {
  for (const child of children) await killHard(child);
  rmSync(root, { recursive: true, force: true });
});

function dataDir(name: string): { dir: string; file: string } {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  return { dir, file: join(dir, "local-ecs.sqlite") };
}

async function start(dir: string): Promise<ChildEmulator> {
  const child = await startChildEmulator(["--no-seed", "--data-dir", dir], await freePort());
  children.push(child);
  return child;
}

async function failedStart(dir: string): Promise<string> {
  const started = await start(dir).then(
    () => undefined,
    (error: Error) => error.message,
  );
  if (started === undefined) throw new Error("local ECS started on a damaged data file");
  return started;
}

async function clusterNames(child: ChildEmulator): Promise<string[]> {
  const ecs = ecsClientFor(child.endpoint);
  try {
    return ((await ecs.send(new ListClustersCommand({}))).clusterArns ?? []).map((arn) => arn.split("/").pop()!);
  } finally {
    ecs.destroy();
  }
}

describe("a damaged data file", () => {
  it("stops local ECS with a message that names the file and says to move it aside", async () => {
    const { dir, file } = dataDir("garbage");
    writeFileSync(file, Buffer.alloc(8192, "not a database "));
    const message = await failedStart(dir);
    expect(message).toMatch(/^local ECS exited with 1:/);
    expect(message).toContain(`Local ECS could not start: The data file ${file} is damaged: it cannot be read (file is not a database). Move it aside`);
    expect(message).toContain("or start with --reset");
    expect(readFileSync(file).subarray(0, 15).toString()).toBe("not a database ");
  });

  it("is found at the start when only a page inside it is damaged, naming the file", async () => {
    const { dir, file } = dataDir("damaged-page");
    const first = await startLocalEcs({ port: 0, timeScale: 60, dataDir: dir });
    const ecs = ecsClientFor(first.endpoint);
    for (let i = 0; i < 40; i++) await ecs.send(new CreateClusterCommand({ clusterName: `c${i}-${"x".repeat(200)}`.slice(0, 255) }));
    ecs.destroy();
    await first.stop();
    const bytes = readFileSync(file);
    expect(bytes.length).toBeGreaterThan(3 * 4096);
    bytes.fill(0x5a, 2 * 4096, 3 * 4096);
    writeFileSync(file, bytes);
    await expect(startLocalEcs({ port: 0, timeScale: 60, dataDir: dir })).rejects.toThrow(`The data file ${file} is damaged`);
  });
});

describe("a data file that looks as if state was lost", () => {
  it("is reported on stderr with its path when it is empty (0 bytes), and local ECS starts empty", async () => {
    const { dir, file } = dataDir("empty");
    writeFileSync(file, "");
    const child = await start(dir);
    expect(child.errors()).toContain(`Warning: the data file ${file} is empty (0 bytes)`);
    expect(await clusterNames(child)).toEqual([]);
    await killHard(child);
  });

  it("is reported on stderr with its path when it is missing but its journal is there", async () => {
    const { dir, file } = dataDir("vanished");
    writeFileSync(`${file}-wal`, "");
    const child = await start(dir);
    expect(child.errors()).toContain(`Warning: the data file ${file} is missing, but its journal ${file}-wal is there`);
    await killHard(child);
  });

  it("is not reported on a first start, nor on the next one", async () => {
    const { dir, file } = dataDir("first");
    rmSync(dir, { recursive: true });
    const first = await start(dir);
    const ecs = ecsClientFor(first.endpoint);
    await ecs.send(new CreateClusterCommand({ clusterName: "kept" }));
    ecs.destroy();
    await killHard(first);
    expect(existsSync(file)).toBe(true);
    const second = await start(dir);
    expect(await clusterNames(second)).toEqual(["kept"]);
    expect(first.errors() + second.errors()).toBe("");
    await killHard(second);
  });
});
