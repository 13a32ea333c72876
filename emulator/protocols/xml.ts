/**
 * A minimal XML writer for AWS Query responses: plain values in, compact XML out. It knows
 * nothing of any service; element names are taken as given.
 */
const XML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  // Parsers normalise raw line breaks and drop whitespace-only text, so these go as references.
  "\r": "&#x0D;",
  "\n": "&#x0A;",
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"'\r\n]/g, (char) => XML_ESCAPES[char]);
}

function wrap(name: string, content: string): string {
  return content === "" ? `<${name}/>` : `<${name}>${content}</${name}>`;
}

/**
 * One element for `value`: objects become child elements named by their keys, arrays become
 * `<member>` children, Dates ISO-8601, other scalars their decimal / `true` / `false` text.
 * undefined and null produce nothing, so absent members are simply omitted.
 */
export function xmlElement(name: string, value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return wrap(name, value.map((item) => xmlElement("member", item)).join(""));
  if (value instanceof Date) return wrap(name, value.toISOString());
  if (typeof value === "object") {
    return wrap(name, Object.entries(value).map(([key, member]) => xmlElement(key, member)).join(""));
  }
  return wrap(name, escapeXml(String(value)));
}
