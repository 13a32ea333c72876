import { parseEcsArn } from "../store/arns";

/**
 * The built-in sample app every local ECS task serves: a page saying which image, revision and
 * task answered, tinted with a colour derived from the image, so someone watching a canary can
 * see old and new versions answer side by side. Pure functions; the task server serves them.
 */
export interface SampleAppInput {
  image: string;
  taskArn: string;
  taskDefinitionArn: string;
  containerName: string;
  clusterName: string;
  serviceName?: string;
}

export interface SampleAppIdentity extends SampleAppInput {
  taskId: string;
  /** `family:revision`. */
  taskDefinition: string;
  colour: VersionColour;
}

export interface VersionColour {
  hue: number;
  /** CSS hex colour for the version band, e.g. `#2f6fd0`. */
  background: string;
  /** Black or white, whichever contrasts more with `background`. */
  text: string;
  /** A rough English name for the hue, so the version is not told by colour alone. */
  name: string;
}

/** What `GET /` answers with `Accept: application/json`. */
export interface SampleAppDocument {
  image: string;
  taskArn: string;
  taskId: string;
  taskDefinitionArn: string;
  taskDefinition: string;
  containerName: string;
  clusterName: string;
  serviceName?: string;
  colour: string;
  colourName: string;
  servedAt: string;
}

/** Copies only the named fields: callers pass richer objects (a whole task server spec). */
export function sampleAppIdentity(input: SampleAppInput): SampleAppIdentity {
  return {
    image: input.image,
    taskArn: input.taskArn,
    taskDefinitionArn: input.taskDefinitionArn,
    containerName: input.containerName,
    clusterName: input.clusterName,
    serviceName: input.serviceName,
    taskId: taskIdFrom(input.taskArn),
    taskDefinition: taskDefinitionLabel(input.taskDefinitionArn),
    colour: versionColour(input.image),
  };
}

/** Both the new (`task/cluster/id`) and old (`task/id`) ARN formats end with the id. */
export function taskIdFrom(taskArn: string): string {
  const parsed = parseEcsArn(taskArn);
  return parsed?.resourceType === "task" ? parsed.path[parsed.path.length - 1] : taskArn;
}

export function taskDefinitionLabel(taskDefinitionArn: string): string {
  const parsed = parseEcsArn(taskDefinitionArn);
  return parsed?.resourceType === "task-definition" ? parsed.path.join("/") : taskDefinitionArn;
}

/** FNV-1a with a final avalanche step, so tags one character apart land far apart. */
function hashImage(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** Twelve hues 30° apart in two tones: any two slots are told apart at a glance, unlike two random hues. */
const HUE_NAMES = ["red", "orange", "yellow", "lime", "green", "mint", "teal", "sky", "blue", "violet", "magenta", "pink"];
const TONES = [
  { name: "dark", lightness: 0.36 },
  { name: "light", lightness: 0.6 },
];
export const VERSION_COLOUR_COUNT = HUE_NAMES.length * TONES.length;

/** Same image → same colour; another tag or digest → another of the 24 colours, 23 times in 24. */
export function versionColour(image: string): VersionColour {
  const slot = hashImage(image) % VERSION_COLOUR_COUNT;
  const hueIndex = slot % HUE_NAMES.length;
  const tone = TONES[Math.floor(slot / HUE_NAMES.length)];
  const hue = hueIndex * 30;
  const background = hslToHex(hue, 0.7, tone.lightness);
  const text = contrastRatio(background, "#000000") >= contrastRatio(background, "#ffffff") ? "#000000" : "#ffffff";
  return { hue, background, text, name: `${tone.name} ${HUE_NAMES[hueIndex]}` };
}

function hslToHex(hue: number, saturation: number, lightness: number): string {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const value = lightness - chroma / 2 * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255).toString(16).padStart(2, "0");
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

/** WCAG 2 contrast ratio between two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (lighter + 0.05) / (darker + 0.05);
}

function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function sampleAppDocument(identity: SampleAppIdentity, servedAt: Date): SampleAppDocument {
  return {
    image: identity.image,
    taskArn: identity.taskArn,
    taskId: identity.taskId,
    taskDefinitionArn: identity.taskDefinitionArn,
    taskDefinition: identity.taskDefinition,
    containerName: identity.containerName,
    clusterName: identity.clusterName,
    serviceName: identity.serviceName,
    colour: identity.colour.background,
    colourName: identity.colour.name,
    servedAt: servedAt.toISOString(),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function detailRows(identity: SampleAppIdentity, servedAt: Date): string {
  const rows: Array<[string, string]> = [
    ["Image", `<code>${escapeHtml(identity.image)}</code>`],
    ["Task definition", escapeHtml(identity.taskDefinition)],
    ["Task", `<code>${escapeHtml(identity.taskId)}</code>`],
    ["Container", escapeHtml(identity.containerName)],
    ["Cluster", escapeHtml(identity.clusterName)],
  ];
  if (identity.serviceName) rows.push(["Service", escapeHtml(identity.serviceName)]);
  const iso = servedAt.toISOString();
  rows.push(["Served at", `<time datetime="${iso}">${iso}</time>`]);
  return rows.map(([term, detail]) => `<dt>${term}</dt><dd>${detail}</dd>`).join("\n");
}

/** A self-contained page: no scripts, fonts or images, so it works with no network at all. */
export function renderSampleAppPage(identity: SampleAppIdentity, servedAt: Date): string {
  const { colour } = identity;
  const title = `${identity.containerName} · ${identity.taskDefinition} — Slipway sample app`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>
body { margin: 0; font-family: system-ui, sans-serif; background: #ffffff; color: #1f2328; }
main { max-width: 48rem; margin: 0 auto; padding: 1.5rem; }
.version { background: ${colour.background}; color: ${colour.text}; padding: 1.5rem; border-radius: 0.5rem; }
.version p { margin: 0; }
h1 { margin: 0.25rem 0 0.75rem; font-size: 1.75rem; overflow-wrap: anywhere; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.5rem 1.5rem; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
</style>
</head>
<body>
<main>
<header class="version">
<p>Slipway sample app</p>
<h1>${escapeHtml(identity.image)}</h1>
<p>Version colour: <strong>${colour.name}</strong> (${colour.background})</p>
</header>
<section aria-labelledby="task-heading">
<h2 id="task-heading">Served by this task</h2>
<dl>
${detailRows(identity, servedAt)}
</dl>
</section>
</main>
</body>
</html>
`;
}
