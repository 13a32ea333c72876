/**
 * How long each step of a task's life takes, in emulated milliseconds. Fargate-like figures:
 * a task is RUNNING about ten seconds after RunTask and gone about five after StopTask.
 */
export const TASK_TIMING = {
  provisioning: 3_000,
  pulling: 6_000,
  activating: 1_000,
  deactivating: 1_000,
  stopping: 2_000,
  deprovisioning: 2_000,
  /** ECS keeps stopped tasks visible for at least an hour. */
  stoppedRetention: 60 * 60_000,
  /** Without container health checks, a RUNNING task counts as healthy after this (spec §2). */
  healthyWithoutChecksAfter: 40_000,
} as const;
