"use client";

import { useSyncExternalStore } from "react";

/**
 * The browser's one clock for "N s ago" and countdowns: a single once-a-second tick shared by
 * every component, running only while something listens.
 */
const TICK_MS = 1_000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function tick(): void {
  now = Date.now();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    timer = setInterval(tick, TICK_MS);
    tick();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/**
 * Milliseconds since the epoch, re-rendering every second. `serverNow` is what the server
 * rendered with (a read's time, passed down in props), so hydration matches before the clock takes over.
 */
export function useNow(serverNow: number): number {
  return useSyncExternalStore(subscribe, () => now, () => serverNow);
}
