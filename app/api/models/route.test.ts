import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/models/route";
import { providerFromEnvironment } from "@/lib/providers/provider-from-environment";
import { mockModelIds, startMockServer } from "@/mock/mock-server";

interface ModelsBody {
  default: string;
  models: Array<{ id: string; label: string }>;
  max_body_bytes?: number;
}

function stubProviderEnvironment(values: Record<string, string>): void {
  for (const name of ["AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_API_KEY", "OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_MODEL", "OPENAI_MODELS"]) {
    vi.stubEnv(name, values[name] ?? "");
  }
}

async function modelsBody(): Promise<{ body: ModelsBody; text: string }> {
  const response = await GET(new Request("http://127.0.0.1/api/models"));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const text = await response.text();
  return { body: JSON.parse(text) as ModelsBody, text };
}

function expectShape(body: ModelsBody): void {
  expect(body.default).toEqual(expect.any(String));
  expect(body.models.length).toBeGreaterThan(0);
  for (const model of body.models) expect(model).toEqual({ id: expect.any(String), label: expect.any(String) });
  expect(body.models.map((model) => model.id)).toContain(body.default);
}

afterEach(() => vi.unstubAllEnvs());

describe("GET /api/models", () => {
  it("lists the demo models when no key is set", async () => {
    stubProviderEnvironment({});
    const { body } = await modelsBody();
    expectShape(body);
    expect(body.default).toBe("demo");
  });

  it("says how large a chat request may be: the protocol's 1 MiB, or CHAT_MAX_BODY_BYTES", async () => {
    stubProviderEnvironment({});
    expect((await modelsBody()).body.max_body_bytes).toBe(1_048_576);
    vi.stubEnv("CHAT_MAX_BODY_BYTES", "4194304");
    // The server's configuration is read once per process: a fresh copy of the route reads it again.
    vi.resetModules();
    const { GET: freshGet } = await import("@/app/api/models/route");
    const response = await freshGet(new Request("http://127.0.0.1/api/models"));
    expect(((await response.json()) as ModelsBody).max_body_bytes).toBe(4_194_304);
  });

  it("lists OPENAI_MODEL first and OPENAI_MODELS after it, and never the key", async () => {
    stubProviderEnvironment({
      OPENAI_API_KEY: "sk-models-secret",
      OPENAI_BASE_URL: "http://127.0.0.1:9/v1",
      OPENAI_MODEL: "model-a",
      OPENAI_MODELS: "model-b, model-a ,model-c",
    });
    const { body, text } = await modelsBody();
    expectShape(body);
    expect(body.default).toBe("model-a");
    expect(body.models.map((model) => model.id)).toEqual(["model-a", "model-b", "model-c"]);
    expect(text).not.toContain("sk-models-secret");
  });

  it("a model server on this machine with no OPENAI_MODELS offers its own models, the default first, no embedding models", async () => {
    const mock = await startMockServer();
    try {
      stubProviderEnvironment({ OPENAI_API_KEY: "unused", OPENAI_BASE_URL: mock.baseUrl, OPENAI_MODEL: "llama-default" });
      const { body } = await modelsBody();
      expectShape(body);
      expect(body.models.map((model) => model.id)).toEqual(["llama-default", ...mockModelIds.filter((id) => !id.includes("embed"))]);
    } finally {
      await mock.close();
    }
  });

  it("one that cannot be reached offers the configured model, and the page is not kept waiting", async () => {
    stubProviderEnvironment({ OPENAI_API_KEY: "unused", OPENAI_BASE_URL: "http://127.0.0.1:9/v1", OPENAI_MODEL: "llama-default" });
    const startedAt = performance.now();
    const { body } = await modelsBody();
    expect(body.models.map((model) => model.id)).toEqual(["llama-default"]);
    expect(performance.now() - startedAt).toBeLessThan(5_000);
  });

  it("one that never answers is given up after 1.5 s, and its list looked at again only a minute later", async () => {
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      stubProviderEnvironment({ OPENAI_API_KEY: "unused", OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`, OPENAI_MODEL: "llama-default" });
      const startedAt = performance.now();
      expect((await modelsBody()).body.models.map((model) => model.id)).toEqual(["llama-default"]);
      expect(performance.now() - startedAt).toBeGreaterThanOrEqual(1_400);
      expect(performance.now() - startedAt).toBeLessThan(4_000);
      const againAt = performance.now();
      await modelsBody();
      expect(performance.now() - againAt).toBeLessThan(500);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it("a hosted server, or one with OPENAI_MODELS, is never asked: its list could be hundreds of models", () => {
    expect(providerFromEnvironment({ OPENAI_API_KEY: "k", OPENAI_BASE_URL: "https://api.example.com/v1" }).listsItsModels).toBe(false);
    expect(providerFromEnvironment({ OPENAI_API_KEY: "k", OPENAI_BASE_URL: "http://127.0.0.1:11434/v1", OPENAI_MODELS: "a,b" }).listsItsModels).toBe(false);
    expect(providerFromEnvironment({ OPENAI_API_KEY: "k" }).listsItsModels).toBe(false);
    for (const host of ["localhost:11434", "192.168.1.20:1234", "host.docker.internal:11434", "gpu-box.local:8000", "10.0.0.5"]) {
      expect(providerFromEnvironment({ OPENAI_API_KEY: "k", OPENAI_BASE_URL: `http://${host}/v1` }).listsItsModels).toBe(true);
    }
  });
});
