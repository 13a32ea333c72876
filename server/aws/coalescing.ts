import "server-only";

/**
 * Identical reads share one AWS call: a read already in flight is joined, and a result stays
 * fresh for `ttlMs` afterwards, so fifty people watching one rollout cost what one person
 * costs. Failures are never kept: the next read tries again. Shared results are the same
 * object for every caller, so callers must not mutate them.
 */
export interface ReadCacheOptions {
  /** How long a result is served after it arrives. */
  ttlMs: number;
  /** Milliseconds from any fixed origin; tests pass a fake clock. */
  now: () => number;
}

interface Entry {
  promise: Promise<unknown>;
  /** Infinity while the call is in flight. */
  freshUntil: number;
}

export class ReadCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: ReadCacheOptions) {}

  share<T>(key: string, read: () => Promise<T>): Promise<T> {
    const now = this.options.now();
    const existing = this.entries.get(key);
    // Every entry under a key was made by a read of the same T.
    if (existing && existing.freshUntil > now) return existing.promise as Promise<T>;
    this.dropStale(now);
    const entry: Entry = { promise: Promise.resolve(), freshUntil: Infinity };
    const promise = new Promise<T>((resolve) => resolve(read())).then(
      (value) => {
        entry.freshUntil = this.options.now() + this.options.ttlMs;
        return value;
      },
      (error: unknown) => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
        throw error;
      },
    );
    entry.promise = promise;
    this.entries.set(key, entry);
    return promise;
  }

  /**
   * Drops every entry whose key starts with `prefix`, so that after a write the next read of
   * that connection goes to AWS. A read in flight keeps its callers but is not shared further.
   */
  forget(prefix: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  /** Entries kept, in flight or fresh (for tests of what is held). */
  get size(): number {
    return this.entries.size;
  }

  private dropStale(now: number): void {
    for (const [key, entry] of this.entries) if (entry.freshUntil <= now) this.entries.delete(key);
  }
}

/** Object keys sorted at every level, so `{a, b}` and `{b, a}` are the same read; array order is kept, it can matter. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

const DEFAULTS: ReadCacheOptions = { ttlMs: 1000, now: () => performance.now() };

let shared = new ReadCache(DEFAULTS);

/** The cache every read of the process goes through. */
export function sharedReadCache(): ReadCache {
  return shared;
}

/** Replaces the shared cache (emptying it) with one of these options; unset options take the defaults. */
export function configureReadCache(options: Partial<ReadCacheOptions> = {}): void {
  shared = new ReadCache({ ...DEFAULTS, ...options });
}
