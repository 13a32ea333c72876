import { existsSync, statSync } from "node:fs";

/**
 * What local ECS says about its SQLite file when the file is damaged or looks as if state was
 * lost: always the file's path, and what to do about it.
 */

/** SQLite's codes for a file that is not, or is no longer, a sound database. */
const DAMAGE_CODES = new Set(["SQLITE_NOTADB", "SQLITE_CORRUPT"]);

function detailOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/** Stops the start: the message names the file and the way out. */
export function damagedDataFile(file: string, problem: string, cause: unknown): Error {
  return new Error(
    `The data file ${file} is damaged: ${problem} (${detailOf(cause)}). Move it aside (keep it if you want to look into it) ` +
      "and start again with an empty store, or start with --reset to delete the whole data directory.",
    { cause },
  );
}

/** Opening failed: damage, or a file local ECS may not use (permissions, a directory in its place). */
export function unusableDataFile(file: string, cause: unknown): Error {
  const code = (cause as { code?: unknown } | undefined)?.code;
  if (typeof code === "string" && !DAMAGE_CODES.has(code)) {
    return new Error(`The data file ${file} cannot be opened (${detailOf(cause)}). Check that it is a file local ECS may read and write.`, { cause });
  }
  return damagedDataFile(file, "it cannot be read", cause);
}

/**
 * A missing file is a first start. An empty one never is: SQLite writes its header as soon as
 * local ECS opens the file, so 0 bytes means it was emptied since. Nor is a missing file beside
 * its write-ahead journal.
 */
export function suspiciousDataFile(file: string): string | undefined {
  if (existsSync(file)) {
    if (statSync(file).size > 0) return undefined;
    return (
      `Warning: the data file ${file} is empty (0 bytes), which local ECS never leaves it: the state it held is lost, ` +
      "and local ECS starts with none. If you have a copy of the file, stop local ECS and put the copy in its place."
    );
  }
  if (existsSync(`${file}-wal`)) {
    return (
      `Warning: the data file ${file} is missing, but its journal ${file}-wal is there: the file was moved or deleted ` +
      "since local ECS last ran. Local ECS starts with no state, and SQLite discards the journal."
    );
  }
  return undefined;
}
