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
    service: (cluster: string, service: string) => [...queryKeys.clusters.one(cluster), "service", service] as const,
    task: (cluster: string, task: string) => [...queryKeys.clusters.one(cluster), "task", task] as const,
  },
};

const segment = encodeURIComponent;

/** The GET route handler behind each live read. */
export const liveReadPaths = {
  clustersOverview: "/api/clusters",
  cluster: (cluster: string) => `/api/clusters/${segment(cluster)}`,
  service: (cluster: string, service: string) => `/api/clusters/${segment(cluster)}/services/${segment(service)}`,
  task: (cluster: string, task: string) => `/api/clusters/${segment(cluster)}/tasks/${segment(task)}`,
};

/** The pages people open, by the names they know resources by. */
export const pagePaths = {
  clusters: () => "/",
  cluster: (cluster: string) => `/clusters/${segment(cluster)}`,
  service: (cluster: string, service: string) => `/clusters/${segment(cluster)}/services/${segment(service)}`,
  task: (cluster: string, task: string) => `/clusters/${segment(cluster)}/tasks/${segment(task)}`,
};
