/** Loopback ports of the servers the e2e run starts (override with E2E_*_PORT when one is taken). */
export const e2ePorts = {
  mock: Number(process.env.E2E_MOCK_PORT ?? 4310),
  app: Number(process.env.E2E_APP_PORT ?? 4311),
  demo: Number(process.env.E2E_DEMO_PORT ?? 4312),
};
