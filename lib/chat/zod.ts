import { z } from "zod";

// Zod 4 compiles its parsers with `new Function` unless told not to; the
// pages' Content-Security-Policy forbids eval, and the probe alone makes the
// browser report a violation. Import `z` from here, never from "zod".
z.config({ jitless: true });

export { z };
