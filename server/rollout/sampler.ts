import "server-only";
import type { AwsFailure } from "@/lib/aws-errors";
import { isFinished } from "@/lib/rollout/sample";
import type { Part } from "@/lib/view-models/common";
import type { Connection } from "@/server/aws/connection";
import { sharedRolloutStore, type RolloutStore } from "./sample-store";
import { readRolloutSnapshot, type RolloutSnapshot } from "./snapshot";

/**
 * Samples each active service deployment the dashboard knows of, once per interval, however
 * many people watch it: viewers read the store and the latest look, never AWS. A deployment
 * is sampled from when it is started here or first viewed until it finishes; after a restart
 * the sampler goes on with those still unfinished.
 */
export const SAMPLE_INTERVAL_MS = 1_000;
/** After a failed look (throttled, unreachable), wait longer each time, up to this. */
const MAX_BACKOFF_MS = 30_000;

type ReadSnapshot = (connection: Connection, arn: string) => Promise<Part<RolloutSnapshot>>;

interface Watched {
  connection: Connection;
  timer?: NodeJS.Timeout;
  latest?: Part<RolloutSnapshot>;
  /** Why the most recent look failed, while an older good one is still shown. */
  failure?: AwsFailure;
  /** Settles with the first look, for the first viewer of a deployment not sampled yet. */
  first: Promise<Part<RolloutSnapshot>>;
  settleFirst: (look: Part<RolloutSnapshot>) => void;
  failures: number;
  done: boolean;
  /** A look is being taken now. */
  looking?: boolean;
  /** Someone asked for a look while one was being taken. */
  lookAgain?: boolean;
}

export class RolloutSampler {
  private readonly watched = new Map<string, Watched>();

  constructor(
    private readonly store: RolloutStore,
    private readonly read: ReadSnapshot = readRolloutSnapshot,
    private readonly intervalMs = SAMPLE_INTERVAL_MS,
  ) {}

  /** Goes on sampling what the store says is unfinished: after a restart, nothing is lost. */
  resume(): void {
    for (const { arn, connection } of this.store.unfinished()) this.watch(connection, arn);
  }

  /** Starts sampling `arn` unless it already is; a finished deployment is looked at once, for its final state. */
  watch(connection: Connection, arn: string): void {
    if (this.watched.has(arn)) return;
    let settleFirst!: (look: Part<RolloutSnapshot>) => void;
    const first = new Promise<Part<RolloutSnapshot>>((resolve) => (settleFirst = resolve));
    this.watched.set(arn, { connection, first, settleFirst, failures: 0, done: false });
    void this.sample(arn);
  }

  /** Looks at `arn` now rather than at its next turn: a decision was just taken, and viewers should see it at once. */
  refresh(arn: string): void {
    const watched = this.watched.get(arn);
    if (!watched || watched.done) return;
    clearTimeout(watched.timer);
    void this.sample(arn);
  }

  /** The latest look at `arn`, waiting for the first one if it has not been taken yet. */
  async latest(arn: string): Promise<Part<RolloutSnapshot> | undefined> {
    const watched = this.watched.get(arn);
    if (!watched) return undefined;
    return watched.latest ?? (await watched.first);
  }

  /** Why the most recent look at `arn` failed, when the latest good one is older. */
  failure(arn: string): AwsFailure | undefined {
    return this.watched.get(arn)?.failure;
  }

  isSampling(arn: string): boolean {
    const watched = this.watched.get(arn);
    return watched !== undefined && !watched.done;
  }

  /** Stops every loop (tests, shutdown). */
  stop(): void {
    for (const watched of this.watched.values()) {
      clearTimeout(watched.timer);
      watched.done = true;
    }
  }

  private async sample(arn: string): Promise<void> {
    const watched = this.watched.get(arn);
    if (!watched) return;
    // One look at a time: a refresh during a look asks for another right after it.
    if (watched.looking) {
      watched.lookAgain = true;
      return;
    }
    watched.looking = true;
    try {
      await this.sampleOnce(arn);
    } catch (error) {
      // Reads never throw (they answer failures); the store can (a full disk, a locked file).
      // Keep sampling: the next look may be stored.
      console.error(`Sampling ${arn} failed:`, error);
      if (!watched.done) this.schedule(arn, watched, Math.min(this.intervalMs * 10, MAX_BACKOFF_MS));
    } finally {
      watched.looking = false;
    }
    if (watched.lookAgain && !watched.done) {
      watched.lookAgain = false;
      clearTimeout(watched.timer);
      void this.sample(arn);
    }
  }

  private async sampleOnce(arn: string): Promise<void> {
    const watched = this.watched.get(arn);
    if (!watched || watched.done) return;
    const look = await this.read(watched.connection, arn);
    if (watched.done) return;
    watched.settleFirst(look);
    if (look.ok) {
      // Remembered from its first good look on: an id that names no deployment leaves no trace.
      if (!watched.latest?.ok) this.store.track({ arn, connection: watched.connection });
      watched.latest = look;
      watched.failures = 0;
      watched.failure = undefined;
      this.store.record(arn, look.value.sample);
      if (isFinished(look.value.sample.status)) return this.finish(watched);
    } else {
      // A failed look keeps the last good one on screen, marked by the view as stale.
      watched.latest = watched.latest?.ok ? watched.latest : look;
      watched.failure = look.error;
      if (isGone(look.error)) {
        this.store.forget(arn);
        if (!watched.latest.ok) this.watched.delete(arn);
        return this.finish(watched);
      }
      watched.failures++;
    }
    this.schedule(arn, watched, Math.min(this.intervalMs * 2 ** watched.failures, MAX_BACKOFF_MS));
  }

  private schedule(arn: string, watched: Watched, delayMs: number): void {
    watched.timer = setTimeout(() => void this.sample(arn), delayMs);
    // Sampling never keeps the process alive on its own.
    watched.timer.unref();
  }

  private finish(watched: Watched): void {
    watched.done = true;
  }
}

function isGone(error: AwsFailure): boolean {
  return error.code === "not-found" || error.code === "invalid-input";
}

const shared = globalThis as typeof globalThis & { slipwayRolloutSampler?: RolloutSampler };

/** The process's one sampler; made on first use, when it resumes the unfinished deployments. */
export function sharedRolloutSampler(): RolloutSampler {
  if (!shared.slipwayRolloutSampler) {
    shared.slipwayRolloutSampler = new RolloutSampler(sharedRolloutStore());
    shared.slipwayRolloutSampler.resume();
  }
  return shared.slipwayRolloutSampler;
}
