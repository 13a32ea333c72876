/** Links that do what a button would (open the editor, compare, download), styled as the page's buttons. */
export const PRIMARY_LINK =
  "inline-flex min-h-9 items-center justify-center gap-2 rounded-md border border-transparent bg-brand px-3 py-1.5 text-sm font-medium text-brand-ink shadow-sm hover:bg-brand/90";
export const SECONDARY_LINK =
  "inline-flex min-h-9 items-center justify-center gap-2 rounded-md border border-line bg-surface px-3 py-1.5 text-sm font-medium text-ink shadow-sm hover:bg-surface-sunken";
/** A link in running text or a table cell. */
export const TEXT_LINK = "text-link underline-offset-2 hover:underline";
