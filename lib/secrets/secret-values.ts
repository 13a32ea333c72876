/**
 * Whether a value is a credential whatever its name says: GITHUB_PAT=ghp_… or CONFIG=eyJhbGci…
 * is as secret as GITHUB_TOKEN. Names alone (secret-names.ts) miss a variable named after what
 * it is for rather than what it holds, so values are read too:
 *
 * - tokens with a known prefix: GitHub, AWS access key ids, Slack, Stripe live keys, GitLab, npm;
 * - JWTs: three base64url parts, the first a JSON header with an "alg";
 * - PEM private keys;
 * - passwords inside URLs (scheme://user:password@host), which hide the password only;
 * - random-looking strings (see looksRandom).
 *
 * Pure and browser-safe: the same reading masks the task page, the editor, the diff and the
 * audit log's input summary.
 */

export type SecretValueKind = "token" | "jwt" | "private-key" | "random";

/** Each prefix with the body its tokens have; a bare prefix (npm_config_cache) is not a token. */
const TOKENS = [
  /(?<![A-Za-z0-9])gh[posur]_[A-Za-z0-9]{20,}/,
  /(?<![A-Za-z0-9])github_pat_[A-Za-z0-9_]{20,}/,
  /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/,
  /(?<![A-Za-z0-9])xox[bpas]-[A-Za-z0-9-]{10,}/,
  /(?<![A-Za-z0-9])sk_live_[A-Za-z0-9]{16,}/,
  /(?<![A-Za-z0-9])glpat-[A-Za-z0-9_-]{20,}/,
  /(?<![A-Za-z0-9])npm_[A-Za-z0-9]{30,}/,
];

/** A JSON header encodes to "ey…" ('{' then '"' or a space); the signature may be empty (alg "none"). */
const JWT = /(?<![A-Za-z0-9_-])(ey[A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

const PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/;

/** scheme://user:password@host… anywhere in the value (jdbc:postgresql://…, a list of redis URLs): the password, to hide it and keep the rest readable. */
const URL_PASSWORD = /(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/[^/?#\s:@]*:)([^/?#\s@]+)(@)/gi;

/**
 * Runs of characters a secret is written in, split where text is structured: at spaces,
 * quotes, commas, colons, equals signs and brackets, so a JSON snippet, a query string or a
 * list is read piece by piece. Slashes and pluses stay in: base64 has them.
 */
const PIECE = /[^\s"'`,;:=(){}[\]<>|]+/g;

/** Shorter than this, a random string is too short to be a useful secret and too easily a coincidence. */
const MIN_RANDOM_LENGTH = 20;
/**
 * Bits per character. A 20-character string cannot pass log2(20) ≈ 4.3, and random ones of
 * that length land near 4.0, so 4 would miss a third of them; identifiers are told apart by
 * their words instead (below), and this only rules out repetitive strings.
 */
const MIN_ENTROPY = 3.5;
/** Words in an identifier (ecsTaskExecutionRole2024) make long lower-case runs; in random text they average under 2. */
const MAX_MEAN_LOWER_RUN = 3;

export function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const character of text) counts.set(character, (counts.get(character) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const share = count / text.length;
    bits -= share * Math.log2(share);
  }
  return bits;
}

function meanLowerRun(piece: string): number {
  const runs = piece.match(/[a-z]+/g) ?? [];
  return runs.length === 0 ? 0 : runs.reduce((sum, run) => sum + run.length, 0) / runs.length;
}

/** A file path (/opt/app/…, C:\…, ./config) names where something is, even with digits and capitals in it. */
function isPath(piece: string): boolean {
  return /^[/\\~.]/.test(piece) || piece.includes("\\");
}

/**
 * A piece of at least 20 characters with lower case, upper case and digits mixed as random
 * text mixes them. Left alone on purpose: hex strings and UUIDs (no upper case: commit ids,
 * image digests, request ids; a UUID is an identifier, not a secret by itself), AWS resource
 * ids (sg-0abc…), ARNs, hostnames, image names, paths, and identifiers made of words.
 */
export function looksRandom(piece: string): boolean {
  if (piece.length < MIN_RANDOM_LENGTH || isPath(piece)) return false;
  if (!/[a-z]/.test(piece) || !/[A-Z]/.test(piece) || !/[0-9]/.test(piece)) return false;
  return shannonEntropy(piece) >= MIN_ENTROPY && meanLowerRun(piece) < MAX_MEAN_LOWER_RUN;
}

function isJwtHeader(part: string): boolean {
  try {
    const base64 = part.replace(/-/g, "+").replace(/_/g, "/");
    const header: unknown = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "=")));
    return typeof header === "object" && header !== null && typeof (header as Record<string, unknown>).alg === "string";
  } catch {
    return false;
  }
}

/** What in the value reads as a credential, other than a URL's password; undefined when nothing does. */
export function secretValueKind(value: string): SecretValueKind | undefined {
  if (TOKENS.some((token) => token.test(value))) return "token";
  if ([...value.matchAll(JWT)].some((match) => isJwtHeader(match[1]!))) return "jwt";
  if (PRIVATE_KEY.test(value)) return "private-key";
  if ((value.match(PIECE) ?? []).some(looksRandom)) return "random";
  return undefined;
}

/**
 * The value as someone who may not see secrets sees it: `mask` for the whole of it when
 * anything in it reads as a credential, else with the passwords of its URLs replaced by
 * `mask`; undefined when there is nothing to hide.
 */
export function maskSecretValue(value: string, mask: string): string | undefined {
  const withoutPasswords = value.replace(URL_PASSWORD, `$1${mask}$3`);
  if (secretValueKind(withoutPasswords) !== undefined) return mask;
  return withoutPasswords === value ? undefined : withoutPasswords;
}
