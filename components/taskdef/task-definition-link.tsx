import Link from "next/link";
import { pagePaths } from "@/lib/query-keys";
import type { TaskDefinitionRef } from "@/lib/view-models/common";

/** "web:4" as a link to the revision's page; a dash when the revision is not known. */
export function TaskDefinitionLink({ reference }: { reference: TaskDefinitionRef | undefined }) {
  if (!reference) return <>—</>;
  return (
    <Link href={pagePaths.taskDefinitionRevision(reference.family, reference.revision)} className="font-medium text-link underline-offset-2 hover:underline">
      {reference.label}
    </Link>
  );
}
