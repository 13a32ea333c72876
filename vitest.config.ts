import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      // Tests run server modules directly; outside React's server build "server-only" would throw.
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
      // Unit tests run outside a Next request, where next/headers has no cookies to give.
      "next/headers": fileURLToPath(new URL("./server/testing/next-headers.ts", import.meta.url)),
      "@": fileURLToPath(new URL(".", import.meta.url)),
    },
  },
  test: {
    include: ["{emulator,lib,server,scripts}/**/*.test.ts"],
    // Emulator tests boot real servers and run deployments over emulated time.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Slipway runs on Node 20; the SDK's notice about its 2027 releases is noise in every run.
    // Actions write to the audit log: a data directory for tests, not the one `npm start` keeps. Tests that read the log make their own.
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      SLIPWAY_DATA_DIR: join(tmpdir(), "slipway-unit-tests"),
      NEXTAUTH_SECRET: "unit-tests-only-secret",
      // What next.config.mjs's experimental.authInterrupts sets in a build, so forbidden() and unauthorized() work here too.
      __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: "true",
    },
    setupFiles: ["./server/testing/setup.ts"],
  },
});
