import Link from "next/link";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageHeader } from "@/components/ui/page-header";
import type { AwsFailure } from "@/lib/aws-errors";
import { pagePaths } from "@/lib/query-keys";
import { shortTaskId } from "@/lib/task-stop";

/** A task ECS does not know (any more): why that happens, and the way back to its cluster. */
export function TaskNotFound({ cluster, id, failure }: { cluster: string; id: string; failure: AwsFailure }) {
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb items={[{ label: "Clusters", href: pagePaths.clusters() }, { label: cluster, href: pagePaths.cluster(cluster) }, { label: shortTaskId(id) }]} />
        <PageHeader title={`Task ${shortTaskId(id)}`} description={<code className="font-mono [overflow-wrap:anywhere]">{id}</code>} />
      </div>
      <section aria-labelledby="task-not-found-title" className="rounded-lg border border-dashed border-line bg-surface px-4 py-8 text-center sm:px-8">
        <h2 id="task-not-found-title" className="text-lg font-semibold">
          Task not found
        </h2>
        <p className="mx-auto mt-2 max-w-prose text-sm text-ink-muted">{failure.detail ?? failure.message}</p>
        <p className="mx-auto mt-2 max-w-prose text-sm text-ink-muted">
          A stopped task&rsquo;s page lasts as long as ECS keeps the task. Its service, if it had one, lists the tasks it runs now.
        </p>
        <p className="mt-6">
          <Link href={pagePaths.cluster(cluster)} className="font-medium text-link underline underline-offset-2 hover:no-underline">
            Back to cluster {cluster}
          </Link>
        </p>
      </section>
    </div>
  );
}
