/**
 * Runs once when a dashboard server starts: the rollout sampler goes on with the deployments
 * it was sampling before a restart, so their charts have no gap for want of a viewer.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { sharedRolloutSampler } = await import("@/server/rollout/sampler");
  try {
    sharedRolloutSampler();
  } catch (error) {
    // A data directory that cannot be opened must not keep the dashboard from serving pages.
    console.error("The rollout sampler could not resume:", error);
  }
}
