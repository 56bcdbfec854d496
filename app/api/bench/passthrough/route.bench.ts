// Routed only in benchmark builds (`STREAMCHAT_BENCH=1`, see next.config.ts): the mock's bytes piped through Next, no parsing.
export { passthroughPost as POST } from "@/bench/next-alone-routes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
