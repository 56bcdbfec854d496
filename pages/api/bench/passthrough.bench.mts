// Routed only in benchmark builds (`STREAMCHAT_BENCH=1`, see next.config.ts): the least a relay in Next costs.
export { passthroughPages as default } from "@/bench/next-alone-routes";

export const config = { api: { bodyParser: false, responseLimit: false } };
