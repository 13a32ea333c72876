import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "danger";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-brand text-brand-ink hover:bg-brand/90 border-transparent",
  secondary: "bg-surface text-ink hover:bg-surface-sunken border-line",
  danger: "bg-danger text-white hover:bg-danger/90 border-transparent",
};

/** A button that says what it does. While `busy`, it stays focusable but refuses clicks, and says so to screen readers. */
export function Button({
  variant = "secondary",
  busy = false,
  className = "",
  children,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; busy?: boolean }) {
  return (
    <button
      type="button"
      aria-disabled={busy || rest.disabled || undefined}
      {...rest}
      onClick={busy ? (event) => event.preventDefault() : rest.onClick}
      className={`inline-flex min-h-9 items-center justify-center gap-2 rounded-md border px-3 py-1.5 text-sm font-medium shadow-sm disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-progress ${VARIANTS[variant]} ${className}`}
    >
      {busy && <span aria-hidden="true" className="size-3 animate-spin rounded-full border-2 border-current border-t-transparent" />}
      {children}
    </button>
  );
}
