/**
 * Whether an environment variable's name says its value is a secret: a password, a token, a
 * key, credentials, a connection string. Names are read word by word (snake_case, kebab-case,
 * camelCase and dotted names alike), so KEYBOARD_LAYOUT or TOKENIZER_MODEL are not secrets,
 * and a name about a secret rather than holding one (PASSWORD_MIN_LENGTH, SECRET_ARN,
 * AUTH_URL, MAX_TOKENS) is not either.
 */

/** Words that name a secret on their own: DB_PASSWORD, JWT_SECRET, GITHUB_TOKEN, SENTRY_DSN, BASIC_AUTH. */
const SECRET_WORDS = new Set([
  "PASSWORD",
  "PASSWORDS",
  "PASSWD",
  "PASSPHRASE",
  "PASS",
  "PWD",
  "SECRET",
  "SECRETS",
  "TOKEN",
  "TOKENS",
  "CREDENTIAL",
  "CREDENTIALS",
  "CREDS",
  "DSN",
  "AUTH",
  "AUTHORIZATION",
  "APIKEY",
  "ACCESSKEY",
  "PRIVATEKEY",
  "SECRETKEY",
  "CONNECTIONSTRING",
  "CONNSTRING",
]);

/** Words that end a fused word holding a secret: DBPASSWORD, CLIENTSECRET, GITHUBTOKEN, STRIPEAPIKEY. */
const SECRET_ENDINGS = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "APIKEY", "ACCESSKEY", "PRIVATEKEY"];

/** A KEY after one of these is a secret key (API_KEY, PRIVATE_KEY, SIGNING_KEY); CACHE_KEY or SORT_KEY is not. */
const SECRET_KEY_KINDS = new Set(["API", "ACCESS", "PRIVATE", "SECRET", "SIGNING", "ENCRYPTION", "MASTER", "SESSION", "CLIENT", "LICENSE", "HMAC", "JWT"]);

/** Words that make the name about a secret rather than the secret itself: where it is, how long, whether. */
const ABOUT_A_SECRET = new Set([
  "ARN",
  "NAME",
  "FILE",
  "PATH",
  "URL",
  "ENDPOINT",
  "ISSUER",
  "PROVIDER",
  "DOMAIN",
  "REALM",
  "AUDIENCE",
  "SCOPE",
  "ENABLED",
  "DISABLED",
  "REQUIRED",
  "MODE",
  "TYPE",
  "ALGORITHM",
  "POLICY",
  "MAX",
  "MIN",
  "LENGTH",
  "LIMIT",
  "COUNT",
  "SIZE",
  "TTL",
  "TIMEOUT",
  "EXPIRY",
  "EXPIRATION",
  "LIFETIME",
]);

/** The name's words, upper-cased: "dbPassword" → DB, PASSWORD; "APIKey" → API, KEY; "x-auth-token" → X, AUTH, TOKEN. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toUpperCase());
}

function namesASecret(word: string, index: number, words: readonly string[]): boolean {
  // PWD alone is the shell's working directory; DB_PWD is a password.
  if (word === "PWD") return words.length > 1;
  if (SECRET_WORDS.has(word)) return true;
  if (SECRET_ENDINGS.some((ending) => word.length > ending.length && word.endsWith(ending))) return true;
  if (word === "KEY" && index > 0 && SECRET_KEY_KINDS.has(words[index - 1])) return true;
  return word === "STRING" && index > 0 && (words[index - 1] === "CONNECTION" || words[index - 1] === "CONN");
}

export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  if (words.some((word) => ABOUT_A_SECRET.has(word))) return false;
  return words.some(namesASecret);
}
