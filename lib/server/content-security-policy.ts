/**
 * The pages' Content-Security-Policy. Scripts run only with this response's
 * nonce ('strict-dynamic' lets them load the app's chunks), so nothing a
 * model's answer could inject would run even if it reached the DOM as HTML.
 * Styles allow inline ones: React's `style` attributes need them, CSS cannot
 * run code, and the answer renderer creates no style from an answer.
 * Images: our own, data: and blob: only, so an answer cannot make the browser
 * fetch a URL of its choosing. Workers: this origin's only (PDF.js's). Nothing
 * may frame the page.
 */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  const directives = [
    "default-src 'self'",
    // React's development build evaluates code for its error overlay and stack traces.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // PDF.js reads attached PDFs in a worker from this origin. Named so that only such a worker passes, not one from a blob: or data: URL.
    "worker-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/** Headers every response gets, pages and API alike. */
export const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Links in answers lead to other sites: they learn nothing of this one's URLs.
  { key: "Referrer-Policy", value: "no-referrer" },
];
