// Routed only in benchmark builds (`STREAMCHAT_BENCH=1`, see next.config.ts): what Next alone costs per request in a Pages API route.
export { fixedPages as default } from "@/bench/next-alone-routes";

export const config = { api: { bodyParser: false, responseLimit: false } };
