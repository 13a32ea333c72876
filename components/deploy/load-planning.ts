/**
 * The deploy choices' zod schemas and the planner, loaded the first time a step is checked
 * rather than with the page: zod is a large part of the JavaScript the wizard would otherwise
 * carry before anyone types anything (the planner imports the choices, so it comes along).
 */
export async function loadDeployPlanning() {
  const [choices, plan] = await Promise.all([import("@/lib/deploy/choices"), import("@/lib/deploy/plan")]);
  return { ...choices, ...plan };
}

export type DeployPlanning = Awaited<ReturnType<typeof loadDeployPlanning>>;
