import packageJson from "@/package.json";
import { providerFromEnvironment } from "@/lib/providers/provider-from-environment";
import { guardApi } from "@/lib/server/access";
import { chatServer } from "@/lib/server/chat-server";
import { errorResponse } from "@/lib/server/error-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Open to all (load balancers and uptime checks carry no code): what answers, and nothing secret. */
export async function GET(request: Request): Promise<Response> {
  try {
    await guardApi(request, { open: true });
    return Response.json(
      { ok: true, provider: providerFromEnvironment().kind, redis: await chatServer().shared.redisStatus(), version: packageJson.version },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
