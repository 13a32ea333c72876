import "server-only";
import type Database from "better-sqlite3";
import { join } from "node:path";
import { isFinished, type RolloutSample } from "@/lib/rollout/sample";
import type { Connection } from "@/server/aws/connection";
import { dashboardDataDir } from "@/server/store/data-dir";
import { openDatabase, type SqliteSchema } from "@/server/store/sqlite";

/**
 * Rollout history: each service deployment the dashboard has seen (started here, or viewed)
 * and the samples taken of it, in SQLite in the dashboard's data directory. Someone who opens
 * a rollout late sees it from its first sample; a restarted dashboard picks up sampling the
 * deployments still going; finished deployments keep their samples.
 */
export const ROLLOUT_FILE = "rollouts.sqlite";

const ROLLOUT_SCHEMA: SqliteSchema = {
  what: "The rollout history",
  migrations: [
    `CREATE TABLE deployments (
       arn TEXT PRIMARY KEY,
       region TEXT NOT NULL,
       profile TEXT,
       first_seen_at TEXT NOT NULL,
       finished INTEGER NOT NULL DEFAULT 0
     );
     CREATE TABLE samples (
       deployment_arn TEXT NOT NULL REFERENCES deployments (arn),
       at TEXT NOT NULL,
       sample TEXT NOT NULL,
       PRIMARY KEY (deployment_arn, at)
     ) WITHOUT ROWID;`,
  ],
};

/** An unchanged deployment is still recorded this often, so a chart's line reaches the present. */
export const HEARTBEAT_MS = 10_000;

export interface TrackedDeployment {
  arn: string;
  connection: Connection;
}

interface DeploymentRow {
  arn: string;
  region: string;
  profile: string | null;
}

/** A sample without its time: two samples that say the same thing compare equal. */
function content(sample: RolloutSample): string {
  const { at: _at, ...rest } = sample;
  return JSON.stringify(rest);
}

export class RolloutStore {
  private readonly db: Database.Database;
  /** The last sample recorded per deployment, to skip repeats without reading the file. */
  private readonly last = new Map<string, RolloutSample>();

  /** `path` is a file (made if missing) or ":memory:". */
  constructor(readonly path: string) {
    this.db = openDatabase(path, ROLLOUT_SCHEMA);
  }

  /** Remembers a deployment so it is sampled until it finishes, across restarts. */
  track({ arn, connection }: TrackedDeployment, at = new Date()): void {
    this.db
      .prepare("INSERT INTO deployments (arn, region, profile, first_seen_at) VALUES (?, ?, ?, ?) ON CONFLICT (arn) DO NOTHING")
      .run(arn, connection.region, connection.profile ?? null, at.toISOString());
  }

  /**
   * Records a sample unless it repeats the last one within the heartbeat. Returns whether it
   * was recorded. A finished deployment's last sample is always kept, and ends its tracking.
   */
  record(arn: string, sample: RolloutSample): boolean {
    const previous = this.last.get(arn) ?? this.lastStored(arn);
    const finished = isFinished(sample.status);
    const repeat = previous !== undefined && content(previous) === content(sample) && Date.parse(sample.at) - Date.parse(previous.at) < HEARTBEAT_MS;
    if (repeat && !finished) return false;
    this.db.transaction(() => {
      this.db.prepare("INSERT OR REPLACE INTO samples (deployment_arn, at, sample) VALUES (?, ?, ?)").run(arn, sample.at, JSON.stringify(sample));
      if (finished) this.db.prepare("UPDATE deployments SET finished = 1 WHERE arn = ?").run(arn);
    })();
    this.last.set(arn, sample);
    return true;
  }

  /** The deployment's samples, oldest first; after `since` (ISO) only those taken later. */
  samples(arn: string, since?: string): RolloutSample[] {
    const rows = (
      since === undefined
        ? this.db.prepare("SELECT sample FROM samples WHERE deployment_arn = ? ORDER BY at").all(arn)
        : this.db.prepare("SELECT sample FROM samples WHERE deployment_arn = ? AND at > ? ORDER BY at").all(arn, since)
    ) as { sample: string }[];
    return rows.map((row) => JSON.parse(row.sample) as RolloutSample);
  }

  /** Deployments tracked and not yet finished: what a restarted dashboard goes on sampling. */
  unfinished(): TrackedDeployment[] {
    const rows = this.db.prepare("SELECT arn, region, profile FROM deployments WHERE finished = 0 ORDER BY first_seen_at").all() as DeploymentRow[];
    return rows.map((row) => ({ arn: row.arn, connection: row.profile === null ? { region: row.region } : { region: row.region, profile: row.profile } }));
  }

  isTracked(arn: string): boolean {
    return this.db.prepare("SELECT 1 FROM deployments WHERE arn = ?").get(arn) !== undefined;
  }

  /** Stops sampling a deployment that can no longer be read (deleted service, 90 days passed). */
  forget(arn: string): void {
    this.db.prepare("UPDATE deployments SET finished = 1 WHERE arn = ?").run(arn);
  }

  close(): void {
    this.db.close();
  }

  private lastStored(arn: string): RolloutSample | undefined {
    const row = this.db.prepare("SELECT sample FROM samples WHERE deployment_arn = ? ORDER BY at DESC LIMIT 1").get(arn) as { sample: string } | undefined;
    return row && (JSON.parse(row.sample) as RolloutSample);
  }
}

const shared = globalThis as typeof globalThis & { slipwayRolloutStore?: RolloutStore };

/** The process's one store, in the dashboard's data directory. */
export function sharedRolloutStore(): RolloutStore {
  shared.slipwayRolloutStore ??= new RolloutStore(join(dashboardDataDir(), ROLLOUT_FILE));
  return shared.slipwayRolloutStore;
}
