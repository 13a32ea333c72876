/**
 * CSV as RFC 4180 has it (CRLF between records; a field with a comma, quote or line break
 * quoted, quotes doubled), with one guard more: a spreadsheet runs a cell that starts with
 * = + - @ (or a tab or carriage return) as a formula, so such a cell gets a leading quote.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string | number | undefined | null): string {
  let text = value === undefined || value === null ? "" : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRecord(fields: readonly (string | number | undefined | null)[]): string {
  return fields.map(csvField).join(",");
}

/** A header record, then one per row, each line ending in CRLF. */
export function csvDocument(header: readonly string[], rows: Iterable<readonly (string | number | undefined | null)[]>): string {
  const lines = [csvRecord(header)];
  for (const row of rows) lines.push(csvRecord(row));
  return `${lines.join("\r\n")}\r\n`;
}
