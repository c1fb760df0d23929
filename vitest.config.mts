import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: {
    alias: {
      // db/queries import "server-only", which throws outside a React server bundle.
      "server-only": path.join(root, "tests/support/empty.ts"),
      "@": root,
    },
  },
  test: {
    environment: "node",
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    // Opening PGlite and running the migrations takes seconds on a small machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each integration file opens its own PGlite (WebAssembly, memory-hungry): two at a time on two cores.
    maxWorkers: 2,
  },
});
