import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { e2ePorts, lockedAppAccess } from "./e2e/ports";

// Debian's Chromium where it is installed (this project's machines cannot
// download Playwright's own browser); Playwright's otherwise.
const systemChromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const executablePath = existsSync(systemChromium) ? systemChromium : undefined;

const appEnvironment = {
  NEXT_TELEMETRY_DISABLED: "1",
  // No Azure settings may leak in from the shell: the mock speaks OpenAI's shape.
  AZURE_OPENAI_ENDPOINT: "",
  AZURE_OPENAI_API_KEY: "",
};

const onMockUpstream = {
  ...appEnvironment,
  OPENAI_API_KEY: "test-key-not-real",
  OPENAI_BASE_URL: `http://127.0.0.1:${e2ePorts.mock}/v1`,
  OPENAI_MODEL: "mock-model",
};

export default defineConfig({
  testDir: "e2e",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${e2ePorts.app}`,
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
    trace: "retain-on-failure",
    // The Copy buttons are tested by reading what they put on the clipboard.
    permissions: ["clipboard-read", "clipboard-write"],
  },
  projects: [
    { name: "mock-model", testIgnore: /(demo|access)\.spec\.ts/ },
    { name: "demo-model", testMatch: /demo\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${e2ePorts.demo}` } },
    { name: "access-codes", testMatch: /access\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${e2ePorts.locked}` } },
  ],
  webServer: [
    {
      command: `node_modules/.bin/tsx mock/main.ts ${e2ePorts.mock}`,
      url: `http://127.0.0.1:${e2ePorts.mock}/__mock/requests`,
      reuseExistingServer: false,
    },
    {
      command: `node_modules/.bin/next start -H 127.0.0.1 -p ${e2ePorts.app}`,
      url: `http://127.0.0.1:${e2ePorts.app}/api/models`,
      reuseExistingServer: false,
      env: { ...onMockUpstream, CHAT_RATE_LIMIT: "0" },
    },
    {
      command: `node_modules/.bin/next start -H 127.0.0.1 -p ${e2ePorts.demo}`,
      url: `http://127.0.0.1:${e2ePorts.demo}/api/models`,
      reuseExistingServer: false,
      env: { ...appEnvironment, OPENAI_API_KEY: "", OPENAI_BASE_URL: "", DEMO_TOKENS_PER_SECOND: "120" },
    },
    {
      // Safe by default, as deployed on the internet: access codes, and a rate limit that forged headers must not dodge.
      command: `node_modules/.bin/next start -H 127.0.0.1 -p ${e2ePorts.locked}`,
      url: `http://127.0.0.1:${e2ePorts.locked}/api/health`,
      reuseExistingServer: false,
      env: {
        ...onMockUpstream,
        CHAT_ACCESS_CODES: lockedAppAccess.codes.join(","),
        CHAT_SESSION_SECRET: lockedAppAccess.secret,
        CHAT_RATE_LIMIT: String(lockedAppAccess.rateLimit),
        CHAT_TRUST_PROXY: "0",
      },
    },
  ],
});
