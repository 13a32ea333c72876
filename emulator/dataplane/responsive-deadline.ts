/**
 * A real-time deadline that counts only the time this process was free to run.
 *
 * Health checks and the task servers they probe share one process. When it stalls — a long
 * synchronous job, or a machine busy with other work — a probe's plain timer fires as soon as
 * the process runs again, before the task server has had its turn to answer, and a healthy
 * target fails its check through no fault of its own. Here a stall counts as at most two
 * ticks, so only a target that stays silent while the process runs freely is timed out.
 */
export interface Deadline {
  cancel(): void;
}

const LONGEST_TICK_MS = 50;

export function responsiveDeadline(budgetMs: number, onExpired: () => void): Deadline {
  const tickMs = Math.max(1, Math.min(LONGEST_TICK_MS, budgetMs / 5));
  let spent = 0;
  let last = performance.now();
  let timer: NodeJS.Timeout | undefined;

  function tick(): void {
    const now = performance.now();
    spent += Math.min(now - last, 2 * tickMs);
    last = now;
    if (spent >= budgetMs) {
      timer = undefined;
      onExpired();
      return;
    }
    timer = setTimeout(tick, Math.min(tickMs, budgetMs - spent));
  }

  timer = setTimeout(tick, Math.min(tickMs, budgetMs));
  return {
    cancel() {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
