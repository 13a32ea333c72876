/**
 * Every React Query key comes from here. Keys are arrays from the general to the particular,
 * so invalidating a prefix (all of a cluster's reads, say) reaches every view that shows it.
 */
export const queryKeys = {
  clusters: {
    all: () => ["clusters"] as const,
    overview: () => [...queryKeys.clusters.all(), "overview"] as const,
  },
};

/** The GET route handler behind each live read. */
export const liveReadPaths = {
  clustersOverview: "/api/clusters",
};
