import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{emulator,lib,server}/**/*.test.ts"],
    // Emulator tests boot real servers and run deployments over emulated time.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Slipway runs on Node 20; the SDK's notice about its 2027 releases is noise in every run.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  },
});
