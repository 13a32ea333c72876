import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import type { StatusText } from "@/lib/deployment-text";
import { pagePaths } from "@/lib/query-keys";

/** Clusters › demo › web, then the service's name with its status words, and room for freshness and operations. */
export function ServiceHeader({
  cluster,
  service,
  badges,
  description,
  aside,
}: {
  cluster: string;
  service: string;
  badges: readonly StatusText[];
  description: ReactNode;
  aside?: ReactNode;
}) {
  return (
    <div className="space-y-3">
      <Breadcrumb items={[{ label: "Clusters", href: pagePaths.clusters() }, { label: cluster, href: pagePaths.cluster(cluster) }, { label: service }]} />
      <div className="flex flex-col gap-3 md:flex-row md:items-start md:justify-between md:gap-6">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <h1 className="text-2xl font-semibold tracking-tight [overflow-wrap:anywhere]">{service}</h1>
            {badges.map((badge) => (
              <Badge key={badge.label} tone={badge.tone}>
                {badge.label}
              </Badge>
            ))}
          </div>
          <p className="mt-1 text-sm text-ink-muted [overflow-wrap:anywhere]">{description}</p>
        </div>
        {aside && <div className="flex shrink-0 flex-col items-start gap-2 md:items-end">{aside}</div>}
      </div>
    </div>
  );
}
