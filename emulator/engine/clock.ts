/**
 * The emulator's one clock. Emulated time runs `timeScale` times faster than real time, so a
 * 10-minute bake at time scale 60 takes 10 real seconds. Every delay in the emulator is
 * scheduled here, in emulated milliseconds; nothing else reads the wall clock.
 */
export interface TimerHandle {
  readonly id: number;
}

interface Timer {
  id: number;
  dueAt: number;
  callback: () => void;
}

export class Clock {
  private readonly realStart: number;
  private readonly emulatedStart: number;
  private timers: Timer[] = [];
  private nextId = 1;
  private armed: NodeJS.Timeout | undefined;
  private armedFor = Infinity;
  private stopped = false;

  constructor(
    readonly timeScale: number,
    /** Emulated epoch ms to start from; after a restart, the time persisted before it. */
    emulatedStartMs: number = Date.now(),
  ) {
    if (!(timeScale > 0)) throw new Error("time scale must be a positive number");
    this.realStart = Date.now();
    this.emulatedStart = emulatedStartMs;
  }

  nowMs(): number {
    return this.emulatedStart + (Date.now() - this.realStart) * this.timeScale;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /** Runs `callback` once emulated time reaches `dueAt` (emulated epoch ms). */
  at(dueAt: number, callback: () => void): TimerHandle {
    const timer: Timer = { id: this.nextId++, dueAt, callback };
    this.insert(timer);
    this.arm();
    return timer;
  }

  /** Runs `callback` after `delayMs` emulated milliseconds. */
  after(delayMs: number, callback: () => void): TimerHandle {
    return this.at(this.nowMs() + Math.max(0, delayMs), callback);
  }

  cancel(handle: TimerHandle | undefined): void {
    if (!handle) return;
    const index = this.timers.findIndex((t) => t.id === handle.id);
    if (index >= 0) this.timers.splice(index, 1);
  }

  get pendingTimers(): number {
    return this.timers.length;
  }

  stop(): void {
    this.stopped = true;
    if (this.armed) clearTimeout(this.armed);
    this.timers = [];
  }

  /** Sorted insert: timers are few and mostly appended in order. */
  private insert(timer: Timer): void {
    let i = this.timers.length;
    while (i > 0 && this.timers[i - 1].dueAt > timer.dueAt) i--;
    this.timers.splice(i, 0, timer);
  }

  private arm(): void {
    if (this.stopped || this.timers.length === 0) return;
    const dueAt = this.timers[0].dueAt;
    if (this.armed && dueAt >= this.armedFor) return;
    if (this.armed) clearTimeout(this.armed);
    const realDelay = Math.max(0, (dueAt - this.nowMs()) / this.timeScale);
    this.armedFor = dueAt;
    this.armed = setTimeout(() => this.fire(), Math.min(realDelay, 2 ** 31 - 1));
    this.armed.unref?.();
  }

  private fire(): void {
    this.armed = undefined;
    this.armedFor = Infinity;
    const now = this.nowMs();
    while (this.timers.length > 0 && this.timers[0].dueAt <= now) {
      const timer = this.timers.shift()!;
      try {
        timer.callback();
      } catch (error) {
        console.error("[local-ecs] timer failed", error);
      }
    }
    this.arm();
  }
}
