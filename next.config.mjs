/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // A native addon: Node must load it at run time, not the bundler at build time.
  serverExternalPackages: ["better-sqlite3"],
};

export default nextConfig;
