/** Loopback ports of the servers the e2e run starts (override with E2E_*_PORT when one is taken). */
export const e2ePorts = {
  mock: Number(process.env.E2E_MOCK_PORT ?? 4310),
  app: Number(process.env.E2E_APP_PORT ?? 4311),
  demo: Number(process.env.E2E_DEMO_PORT ?? 4312),
  locked: Number(process.env.E2E_LOCKED_PORT ?? 4313),
};

/** How the access-codes server is set up; its tests know the codes. */
export const lockedAppAccess = {
  codes: ["first-code-4a7e", "second-code-91bc"],
  secret: "e2e-session-secret-not-for-production",
  rateLimit: 8,
};
