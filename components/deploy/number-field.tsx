import { TextField } from "@/components/ui/field";
import { DEPLOY_LIMITS, rangeText, type LimitName } from "@/lib/deploy/limits";

const UNIT_WORDS = { "%": "%", s: "seconds", min: "minutes" } as const;

/** "0–1,440 minutes, default 10": the range and default the schema checks, shown before anyone types. */
export function limitHint(name: LimitName): string {
  const limit = DEPLOY_LIMITS[name];
  const range = rangeText(limit).replace(/ (%|s|min)$/, (_, unit: keyof typeof UNIT_WORDS) => (unit === "%" ? " %" : ` ${UNIT_WORDS[unit]}`));
  return `${range}, default ${limit.default.toLocaleString("en-US")}${limit.unit === "%" ? " %" : ""}`;
}

/** One numeric setting of the limits table, labelled as the messages name it. */
export function LimitField({
  name,
  value,
  error,
  onChange,
  label,
}: {
  name: LimitName;
  value: string;
  error?: string;
  onChange: (value: string) => void;
  label?: string;
}) {
  const limit = DEPLOY_LIMITS[name];
  return (
    <TextField
      label={label ?? `${limit.label} (${UNIT_WORDS[limit.unit]})`}
      name={name}
      type="number"
      inputMode="decimal"
      min={limit.min}
      max={limit.max}
      step={limit.step}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      hint={limitHint(name)}
      error={error}
    />
  );
}
