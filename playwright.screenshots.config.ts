import { defineConfig } from "@playwright/test";
import baseConfig from "./playwright.config";

const [mockServer, appServer] = Array.isArray(baseConfig.webServer) ? baseConfig.webServer : [];

/** `npm run screenshots`: the page's screenshots for a person to look at (not part of `npm test`). */
export default defineConfig({
  ...baseConfig,
  testDir: "e2e/screenshots",
  testMatch: "*.screens.ts",
  projects: [{ name: "screenshots" }],
  webServer: [mockServer, appServer].filter((server) => server !== undefined),
});
