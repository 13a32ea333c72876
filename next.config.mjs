import { fileURLToPath } from "node:url";

/**
 * The security headers of server/security/headers.ts (securityHeaders), for the files that skip
 * proxy.ts: built scripts and styles, and public/. headers.test.ts checks the two lists agree.
 */
const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];
const HSTS = { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" };
const OVER_HTTPS = [{ type: "header", key: "x-forwarded-proto", value: "https" }];

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // A native addon: Node must load it at run time, not the bundler at build time.
  serverExternalPackages: ["better-sqlite3"],
  // Without it Turbopack guesses the root from the nearest lockfile, which may be a parent directory's.
  turbopack: { root: fileURLToPath(new URL(".", import.meta.url)) },
  // No X-Powered-By: the header only tells scanners what runs here.
  poweredByHeader: false,
  // `next dev` would otherwise write an AGENTS.md into the repository.
  agentRules: false,
  // Builds run offline and in CI: no upgrade prompts that stop a build.
  // authInterrupts: actions answer a person without the permission with a real 401 or 403 (forbidden(), unauthorized()).
  experimental: { agentUpgrade: false, authInterrupts: true },
  // Every path, pages included (proxy.ts sets the same values there, with the CSP).
  async headers() {
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      { source: "/:path*", has: OVER_HTTPS, headers: [HSTS] },
    ];
  },
};

export default nextConfig;
