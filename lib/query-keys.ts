import { parseEcsArn } from "@/lib/arn";

/**
 * Every React Query key comes from here. Keys are arrays from the general to the particular,
 * so invalidating a prefix (all of a cluster's reads, say) reaches every view that shows it.
 */
export const queryKeys = {
  clusters: {
    all: () => ["clusters"] as const,
    overview: () => [...queryKeys.clusters.all(), "overview"] as const,
    /** Everything read about one cluster: its page, its services' and its tasks' pages. */
    one: (cluster: string) => [...queryKeys.clusters.all(), "cluster", cluster] as const,
    detail: (cluster: string) => [...queryKeys.clusters.one(cluster), "detail"] as const,
    tasks: (cluster: string) => [...queryKeys.clusters.one(cluster), "tasks"] as const,
    service: (cluster: string, service: string) => [...queryKeys.clusters.one(cluster), "service", service] as const,
    task: (cluster: string, task: string) => [...queryKeys.clusters.one(cluster), "task", task] as const,
    /** One service deployment's live view. */
    deployment: (cluster: string, service: string, deploymentId: string) => [...queryKeys.clusters.service(cluster, service), "deployment", deploymentId] as const,
  },
  taskDefinitions: {
    all: () => ["task-definitions"] as const,
    /** The families with an ACTIVE revision. */
    families: () => [...queryKeys.taskDefinitions.all(), "families"] as const,
    /** What one family (its latest revision) or revision needs of a task run from it. */
    needs: (reference: string) => [...queryKeys.taskDefinitions.all(), "needs", reference] as const,
  },
  audit: {
    all: () => ["audit"] as const,
    /** The entries of one filtered view, by its query string ("?action=service.scale"). */
    entries: (query: string) => [...queryKeys.audit.all(), "entries", query] as const,
  },
  /** Every deployment waiting for a person, across clusters: the approvals page and the top bar's badge. */
  approvals: () => ["approvals"] as const,
};

const segment = encodeURIComponent;

/** The GET route handler behind each live read. */
export const liveReadPaths = {
  clustersOverview: "/api/clusters",
  cluster: (cluster: string) => `/api/clusters/${segment(cluster)}`,
  clusterTasks: (cluster: string) => `/api/clusters/${segment(cluster)}/tasks`,
  service: (cluster: string, service: string) => `/api/clusters/${segment(cluster)}/services/${segment(service)}`,
  task: (cluster: string, task: string) => `/api/clusters/${segment(cluster)}/tasks/${segment(task)}`,
  /** `since`: the last sample the browser has, so a poll carries only newer ones. */
  deployment: (cluster: string, service: string, deploymentId: string, since?: string) =>
    `/api/clusters/${segment(cluster)}/services/${segment(service)}/deployments/${segment(deploymentId)}${since ? `?since=${segment(since)}` : ""}`,
  taskDefinitionFamilies: "/api/task-definitions",
  taskDefinitionNeeds: (reference: string) => `/api/task-definitions/${segment(reference)}`,
  /** `query` is a filter's query string, "" or "?user=alice…". */
  audit: (query: string) => `/api/audit${query}`,
  approvals: "/api/approvals",
};

/** The pages people open, by the names they know resources by. */
export const pagePaths = {
  clusters: () => "/",
  cluster: (cluster: string) => `/clusters/${segment(cluster)}`,
  service: (cluster: string, service: string) => `/clusters/${segment(cluster)}/services/${segment(service)}`,
  task: (cluster: string, task: string) => `/clusters/${segment(cluster)}/tasks/${segment(task)}`,
  /** The deploy wizard, started from a service. */
  deployService: (cluster: string, service: string) => `/clusters/${segment(cluster)}/services/${segment(service)}/deploy`,
  /** The wizard's create-a-service flow; not under services/, where "new" could be a service's name. */
  createService: (cluster: string) => `/clusters/${segment(cluster)}/create-service`,
  /** One service deployment's live rollout view; `deploymentId` is the last part of its ARN. */
  deployment: (cluster: string, service: string, deploymentId: string) =>
    `/clusters/${segment(cluster)}/services/${segment(service)}/deployments/${segment(deploymentId)}`,
  /** The rollout view of a service deployment, from its ARN; undefined for anything else. */
  deploymentOf: (serviceDeploymentArn: string): string | undefined => {
    const parsed = parseEcsArn(serviceDeploymentArn);
    return parsed?.type === "service-deployment" ? pagePaths.deployment(parsed.cluster, parsed.service, parsed.deploymentId) : undefined;
  },
  audit: (query = "") => `/audit${query}`,
  taskDefinitions: () => "/task-definitions",
  taskDefinitionFamily: (family: string) => `/task-definitions/${segment(family)}`,
  taskDefinitionRevision: (family: string, revision: number) => `/task-definitions/${segment(family)}/${revision}`,
  /** The editor: a new revision from `from` ("web:7"), or a blank (or imported) one. */
  taskDefinitionEditor: (from?: string) => (from ? `/task-definitions/new?from=${segment(from)}` : "/task-definitions/new"),
  /** Two revisions side by side: "web:6" and "web:7", of one family or two. */
  taskDefinitionCompare: (left: string, right: string) => `/task-definitions/compare?left=${segment(left)}&right=${segment(right)}`,
  approvals: () => "/approvals",
};
