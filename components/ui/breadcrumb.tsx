import Link from "next/link";

export interface BreadcrumbItem {
  label: string;
  /** Where the crumb leads; the last item is the page itself and needs none. */
  href?: string;
}

/** Where this page sits: Clusters › demo › web › 3f2a1b2c…. The last item is the current page. */
export function Breadcrumb({ items }: { items: BreadcrumbItem[] }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-3 text-sm">
      <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-1 text-ink-muted">
        {items.map((item, index) => {
          const last = index === items.length - 1;
          return (
            <li key={`${index}-${item.label}`} className="flex min-w-0 items-center gap-1.5">
              {last || !item.href ? (
                <span aria-current={last ? "page" : undefined} className={`[overflow-wrap:anywhere] ${last ? "font-medium text-ink" : ""}`}>
                  {item.label}
                </span>
              ) : (
                <Link href={item.href} className="[overflow-wrap:anywhere] text-link underline-offset-2 hover:underline">
                  {item.label}
                </Link>
              )}
              {!last && (
                <span aria-hidden="true" className="text-ink-muted/70">
                  ›
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
