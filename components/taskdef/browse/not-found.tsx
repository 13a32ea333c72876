import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import type { AwsFailure } from "@/lib/aws-errors";
import { pagePaths } from "@/lib/query-keys";
import { TaskDefinitionBreadcrumb } from "./task-definition-breadcrumb";
import { TEXT_LINK } from "./link-styles";

/**
 * A family or revision ECS does not have (any more): why that happens, and the way back. A
 * deleted revision disappears once no task uses it; a family goes with its last revision.
 */
export function TaskDefinitionNotFound({ family, revision, failure }: { family: string; revision?: number | string; failure: AwsFailure }) {
  const what = revision === undefined ? "Task definition family" : "Revision";
  const back = revision === undefined ? { href: pagePaths.taskDefinitions(), label: "Back to task definitions" } : { href: pagePaths.taskDefinitionFamily(family), label: `Back to ${family}` };
  return (
    <div className="space-y-6">
      <div>
        <TaskDefinitionBreadcrumb family={family} revision={revision} />
        <PageHeader title={revision === undefined ? family : `${family}:${revision}`} />
      </div>
      <section aria-labelledby="taskdef-not-found-title" className="rounded-lg border border-dashed border-line bg-surface px-4 py-8 text-center sm:px-8">
        <h2 id="taskdef-not-found-title" className="text-lg font-semibold">
          {what} not found
        </h2>
        <p className="mx-auto mt-2 max-w-prose text-sm text-ink-muted">{failure.detail ?? failure.message}</p>
        <p className="mx-auto mt-2 max-w-prose text-sm text-ink-muted">
          A deleted revision is gone once no task uses it, and a family with it when it was the last. Check the name, or the region in use.
        </p>
        <p className="mt-6">
          <Link href={back.href} className={`font-medium ${TEXT_LINK} underline`}>
            {back.label}
          </Link>
        </p>
      </section>
    </div>
  );
}
