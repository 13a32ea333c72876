import { Breadcrumb, type BreadcrumbItem } from "@/components/ui/breadcrumb";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import type { RevisionComparison } from "@/lib/taskdef/diff-comparison";
import { pagePaths } from "@/lib/query-keys";
import { ChangeList } from "./change-list";
import { RevisionPicker } from "./revision-picker";
import { RevisionSide } from "./revision-side";
import { SideBySide } from "./side-by-side";

const TITLE = "Compare revisions";

function crumbs(comparison: RevisionComparison | undefined): BreadcrumbItem[] {
  const family = comparison?.right.ok ? comparison.right.value.family : comparison?.left.ok ? comparison.left.value.family : undefined;
  return [
    { label: "Task definitions", href: pagePaths.taskDefinitions() },
    ...(family ? [{ label: family, href: pagePaths.taskDefinitionFamily(family) }] : []),
    { label: "Compare" },
  ];
}

/** Without a comparison (no revisions in the URL yet) the page is the form alone. */
export function ComparisonView({ comparison }: { comparison?: RevisionComparison }) {
  const { left, right } = comparison?.asked ?? { left: "", right: "" };
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb items={crumbs(comparison)} />
        <PageHeader
          title={TITLE}
          description="What changed between two task definition revisions: containers, variables, secrets and tags matched by name, read-only fields left out."
        />
      </div>
      <RevisionPicker left={left} right={right} />
      {comparison ? <ComparisonBody comparison={comparison} /> : <p className="text-sm text-ink-muted">Name two revisions, such as web:4 and web:5, to see what changed.</p>}
    </div>
  );
}

function ComparisonBody({ comparison }: { comparison: RevisionComparison }) {
  const { asked, left, right, diff } = comparison;
  return (
    <>
      <div className="grid gap-4 md:grid-cols-2">
        <RevisionSide role="Older" asked={asked.left} side={left} />
        <RevisionSide role="Newer" asked={asked.right} side={right} />
      </div>
      {comparison.hidesValues && (
        <Notice tone="info" title="Some values are hidden from you">
          <p>Secrets and secret-looking values are masked on both sides, and not compared: the comparison does not say whether a masked value changed.</p>
        </Notice>
      )}
      {diff && left.ok && right.ok && (
        <>
          <ChangeList changes={diff.changes} hidden={diff.hidden} />
          {diff.changes.length > 0 && <SideBySide rows={diff.rows} left={left.value.label} right={right.value.label} />}
        </>
      )}
    </>
  );
}
