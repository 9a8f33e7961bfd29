import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // times in fixtures must not depend on the machine's zone
    env: {TZ: "Europe/Rome"},
    testTimeout: 60_000,
    hookTimeout: 120_000
  }
});
