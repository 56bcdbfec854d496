import type { ModelsInfo } from "@/lib/client/api-client";

/** The options of a model select: the server's default (value ""), then every model `GET /api/models` offers. */
export function ModelOptions({ models }: { models: ModelsInfo | undefined }) {
  return (
    <>
      <option value="">Server default{models ? ` (${models.default})` : ""}</option>
      {models?.models.map((model) => (
        <option key={model.id} value={model.id}>
          {model.label}
        </option>
      ))}
    </>
  );
}
