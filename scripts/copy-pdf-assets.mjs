import { cp, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/*
 * Puts PDF.js's character maps in public/pdfjs/cmaps/, where the page's PDF
 * reader fetches them (lib/client/read-pdf-text.ts): a PDF whose CJK fonts
 * are not embedded needs them for its text. Run after every `npm install`
 * (postinstall), so they always match the installed pdfjs-dist; not in git.
 * Plain JavaScript: it runs before anything else is known to be installed.
 */
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const target = path.join(root, "public", "pdfjs", "cmaps");
await rm(target, { recursive: true, force: true });
await cp(path.join(root, "node_modules", "pdfjs-dist", "cmaps"), target, { recursive: true });
