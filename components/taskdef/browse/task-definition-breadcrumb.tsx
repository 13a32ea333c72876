import { Breadcrumb, type BreadcrumbItem } from "@/components/ui/breadcrumb";
import { pagePaths } from "@/lib/query-keys";

/** Task definitions › web › Revision 5: the way back from a family or a revision, one click per level. */
export function TaskDefinitionBreadcrumb({ family, revision }: { family: string; revision?: number | string }) {
  const items: BreadcrumbItem[] = [{ label: "Task definitions", href: pagePaths.taskDefinitions() }, { label: family, href: pagePaths.taskDefinitionFamily(family) }];
  if (revision !== undefined) items.push({ label: `Revision ${revision}` });
  return <Breadcrumb items={items} />;
}
