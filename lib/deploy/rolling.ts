/**
 * A rolling update's waves (spec §2): how many new tasks can start at once within
 * `floor(desired × max / 100)`, and how many old ones may stop while
 * `ceil(desired × min / 100)` stay healthy. Pure, for the preview and the warnings.
 */
export interface RollingBounds {
  /** Tasks that must stay RUNNING and healthy. */
  lower: number;
  /** Tasks that may be RUNNING or PENDING at once. */
  upper: number;
}

export function rollingBounds(desiredCount: number, minimumHealthyPercent: number, maximumPercent: number): RollingBounds {
  return {
    lower: Math.ceil((desiredCount * minimumHealthyPercent) / 100),
    upper: Math.floor((desiredCount * maximumPercent) / 100),
  };
}

export interface RollingWave {
  /** New tasks healthy once this wave's tasks are ready. */
  newTasks: number;
  /** Old tasks still running then. */
  oldTasks: number;
}

export type RollingWaves = { ok: true; waves: RollingWave[] } | { ok: false; waves: RollingWave[]; stuckAt: RollingBounds };

/**
 * Wave by wave, assuming every task starts and becomes healthy in the same time: old tasks stop
 * only to make room, never below the lower bound; new ones start up to the upper bound; once
 * they are healthy, old tasks beyond the desired count stop. Stuck when a wave can start none.
 */
export function rollingWaves(desiredCount: number, minimumHealthyPercent: number, maximumPercent: number): RollingWaves {
  const bounds = rollingBounds(desiredCount, minimumHealthyPercent, maximumPercent);
  const waves: RollingWave[] = [];
  let oldTasks = desiredCount;
  let newTasks = 0;
  while (newTasks < desiredCount) {
    const wanted = desiredCount - newTasks;
    let room = bounds.upper - (oldTasks + newTasks);
    if (room < wanted) {
      const stoppable = Math.max(0, Math.min(oldTasks, oldTasks + newTasks - bounds.lower));
      const stopped = Math.min(stoppable, wanted - Math.max(room, 0));
      oldTasks -= stopped;
      room += stopped;
    }
    const started = Math.min(Math.max(room, 0), wanted);
    if (started === 0) return { ok: false, waves, stuckAt: bounds };
    newTasks += started;
    oldTasks = Math.min(oldTasks, desiredCount - newTasks);
    waves.push({ newTasks, oldTasks });
  }
  return { ok: true, waves };
}
