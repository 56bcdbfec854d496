import * as z from "@/lib/chat/zod";
import { admitCode, guardApi } from "@/lib/server/access";
import { ChatError } from "@/lib/server/chat-error";
import { chatServer } from "@/lib/server/chat-server";
import { errorResponse, methodNotAllowed } from "@/lib/server/error-response";
import { readJsonBody } from "@/lib/server/read-json-body";
import { isSecureRequest } from "@/lib/server/request-origin";
import { sessionCookieHeader, signSession } from "@/lib/server/session-cookie";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const sessionRequestSchema = z.object({ code: z.string().max(1_000) });

/** Opens a session with an access code: `{"code": "..."}` → 204 and a signed cookie, or 401, or 429 after five wrong codes a minute. */
export async function POST(request: Request): Promise<Response> {
  try {
    const address = await guardApi(request, { open: true });
    const parsed = sessionRequestSchema.safeParse(await readJsonBody(request, 4_096));
    if (!parsed.success) throw new ChatError("invalid_request", 'Send the access code as {"code": "..."}.');
    const { access } = chatServer().config;
    // No codes configured: everyone has access, and there is no session to open.
    if (access.codes.length === 0 || !access.sessionSecret) return new Response(null, { status: 204 });
    const code = await admitCode(parsed.data.code, address);
    const cookie = sessionCookieHeader(signSession(code, access.sessionSecret), isSecureRequest(request, access.trustProxy));
    return new Response(null, { status: 204, headers: { "Set-Cookie": cookie, "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

/** Ends the session (the page's "Lock"): the cookie is cleared. */
export async function DELETE(request: Request): Promise<Response> {
  try {
    await guardApi(request);
    const secure = isSecureRequest(request, chatServer().config.access.trustProxy);
    return new Response(null, { status: 204, headers: { "Set-Cookie": sessionCookieHeader("", secure), "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

const allowed = ["POST", "DELETE"] as const;
export const GET = () => methodNotAllowed(allowed);
export const PUT = GET;
export const PATCH = GET;
