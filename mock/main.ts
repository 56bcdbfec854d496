import { startMockServer } from "./mock-server";

// `npm run mock [port]`: the mock upstream on its own, e.g. for `OPENAI_BASE_URL` in e2e tests.
const port = Number(process.argv[2] ?? process.env.MOCK_PORT ?? 4010);
const server = await startMockServer(port);
process.stdout.write(`mock OpenAI-compatible server at ${server.baseUrl}\n`);
