import Link from "next/link";

/**
 * Where a page sits: "Clusters › demo › web". Every item but the last links up the tree; the
 * last is the page itself, marked as current.
 */
export function Breadcrumb({ items }: { items: { label: string; href?: string }[] }) {
  return (
    <nav aria-label="Breadcrumb">
      <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-1 text-sm text-ink-muted">
        {items.map((item, index) => {
          const current = index === items.length - 1;
          return (
            <li key={`${index}-${item.label}`} className="flex min-w-0 items-center gap-1.5">
              {index > 0 && (
                <span aria-hidden="true" className="text-ink-muted/70">
                  ›
                </span>
              )}
              {current || !item.href ? (
                <span aria-current={current ? "page" : undefined} className={`[overflow-wrap:anywhere] ${current ? "font-medium text-ink" : ""}`}>
                  {item.label}
                </span>
              ) : (
                <Link href={item.href} className="text-link underline-offset-2 [overflow-wrap:anywhere] hover:underline">
                  {item.label}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
