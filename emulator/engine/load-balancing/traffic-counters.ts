import type { TrafficSample } from "./plane";

/** One hour of emulated seconds. */
export const RETAINED_SECONDS = 3600;

/**
 * Requests and 5xx per target group per emulated second, for the last hour: a fixed ring of
 * one slot per second, so counting costs the same at any request rate.
 */
export class TrafficCounters {
  private readonly rings = new Map<string, Array<TrafficSample | undefined>>();

  record(targetGroupArn: string, second: number, status: number): void {
    let ring = this.rings.get(targetGroupArn);
    if (!ring) {
      ring = new Array<TrafficSample | undefined>(RETAINED_SECONDS);
      this.rings.set(targetGroupArn, ring);
    }
    const index = second % RETAINED_SECONDS;
    let slot = ring[index];
    if (!slot || slot.second !== second) {
      slot = { second, requests: 0, errors5xx: 0 };
      ring[index] = slot;
    }
    slot.requests++;
    if (status >= 500 && status <= 599) slot.errors5xx++;
  }

  /** Seconds that saw requests, oldest first; seconds without any are left out. */
  samples(targetGroupArn: string, nowSecond: number, sinceSecond = -Infinity): TrafficSample[] {
    const ring = this.rings.get(targetGroupArn);
    if (!ring) return [];
    const oldest = Math.max(sinceSecond, nowSecond - RETAINED_SECONDS + 1);
    return ring
      .filter((slot): slot is TrafficSample => slot !== undefined && slot.second >= oldest && slot.second <= nowSecond)
      .sort((a, b) => a.second - b.second)
      .map((slot) => ({ ...slot }));
  }

  forget(targetGroupArn: string): void {
    this.rings.delete(targetGroupArn);
  }
}
