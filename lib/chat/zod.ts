import { config } from "zod";

// Zod 4 compiles its parsers with `new Function` unless told not to; the
// pages' Content-Security-Policy forbids eval, and the probe alone makes the
// browser report a violation. Import zod from here, never from "zod":
// `import * as z from "@/lib/chat/zod"`. A namespace import of named exports
// lets the bundler keep only what is used; re-exporting zod's own `z` object
// kept all of it in the page (every locale: 96 kB gzipped of first-load JS).
config({ jitless: true });

export * from "zod";
