import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{emulator,lib,server}/**/*.test.ts"],
    // Emulator tests boot real servers and run deployments over emulated time.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
