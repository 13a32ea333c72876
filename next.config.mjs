import { fileURLToPath } from "node:url";

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
};

export default nextConfig;
