import fc from "fast-check";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { MarkdownMessage } from "@/components/markdown/markdown-message";

const render = (text: string, streaming = false) => renderToStaticMarkup(<MarkdownMessage text={text} streaming={streaming} parseBudgetMs={Infinity} />);

/** Every element the markup opens, by tag name. */
const tagsOf = (html: string) => [...html.matchAll(/<([a-zA-Z][\w-]*)/g)].map((match) => match[1]?.toLowerCase());
/** Every attribute value, entities decoded the way a browser would see them. */
const attributesOf = (html: string) =>
  [...html.matchAll(/\s([\w-]+)="([^"]*)"/g)].map(([, name, value]) => ({
    name: name ?? "",
    value: (value ?? "").replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">"),
  }));

const allowedTags = new Set(["p", "br", "strong", "em", "del", "code", "pre", "div", "span", "a", "ul", "ol", "li", "input", "blockquote", "hr", "table", "thead", "tbody", "tr", "th", "td", "h1", "h2", "h3", "h4", "h5", "h6", "button", "section", "sup"]);

/** What no answer may ever produce: elements outside the markdown set, event handlers, live script URLs. */
function expectInert(html: string) {
  for (const tag of tagsOf(html)) expect(allowedTags, `<${tag}> in ${html}`).toContain(tag);
  for (const { name, value } of attributesOf(html)) {
    expect(name, html).not.toMatch(/^on/i);
    // A browser drops tabs, newlines and leading controls before it reads the scheme.
    const url = value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
    if (name === "href" || name === "src") expect(url, html).not.toMatch(/^(javascript|vbscript|data):/);
  }
}

describe("raw HTML in an answer", () => {
  test.each([
    ["a script", "Hi <script>window.pwned = 1</script> there", "<script>window.pwned = 1</script>"],
    ["an image with onerror", '<img src=x onerror="window.pwned = 1">', '<img src=x onerror="window.pwned = 1">'],
    ["an svg with onload", "<svg onload=alert(1)><circle r=1 /></svg>", "<svg onload=alert(1)>"],
    ["an iframe", '<iframe src="https://evil.example/"></iframe>', '<iframe src="https://evil.example/"></iframe>'],
    ["a raw link", '<a href="javascript:alert(1)">click</a>', '<a href="javascript:alert(1)">'],
    ["an HTML block", "<div onmouseover=alert(1)>\nhover me\n</div>", "<div onmouseover=alert(1)>"],
    ["a style block", "<style>body { display: none }</style>", "<style>body { display: none }</style>"],
    ["HTML in a list", "- <b onclick=alert(1)>bold</b>\n- <img src=x onerror=alert(2)>", "<b onclick=alert(1)>"],
    ["HTML in a table", "| a | b |\n| --- | --- |\n| <img src=x onerror=alert(1)> | <script>alert(2)</script> |", "<script>alert(2)</script>"],
    ["HTML in a quote", "> <iframe srcdoc='<script>alert(1)</script>'>", "<iframe srcdoc="],
  ])("%s is shown as text, never made an element", (_name, markdown, shownText) => {
    const html = render(markdown);
    expectInert(html);
    expect(html).toContain(shownText.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"));
  });
});

describe("links and images in an answer", () => {
  test.each([
    ["javascript:", "[click me](javascript:alert(1))"],
    ["JaVaScRiPt: in mixed case", "[click me](JaVaScRiPt:alert(1))"],
    ["java&#x09;script: (a tab entity)", "[click me](java&#x09;script:alert(1))"],
    ["java&#10;script: (a newline entity)", "[click me](java&#10;script:alert(1))"],
    ["&#106;avascript: (an encoded letter)", "[click me](&#106;avascript:alert(1))"],
    ["javascript&colon; (an encoded colon)", "[click me](javascript&colon;alert(1))"],
    ["a leading control character", "[click me](<\u0001javascript:alert(1)>)"],
    ["vbscript:", "[click me](vbscript:msgbox(1))"],
    ["data:", "[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
    ["an autolink", "<javascript:alert(1)> click me"],
    ["a reference definition", "[click me][x]\n\n[x]: javascript:alert(1)"],
  ])("a link with %s is not live, and its text is shown", (_name, markdown) => {
    const html = render(markdown);
    expectInert(html);
    expect(html).toContain("click me");
  });

  test("a web link opens in a new tab without a handle on this page, and shows where it really goes", () => {
    expect(render("[the docs](https://example.com/docs) and www.example.org")).toMatch(
      /<a href="https:\/\/example.com\/docs" title="https:\/\/example.com\/docs" target="_blank" rel="noopener noreferrer nofollow"[^>]*>the docs<\/a> and <a href="http:\/\/www.example.org"/,
    );
    // A link whose text pretends to be another URL.
    expect(render("[https://bank.example/login](https://evil.example/login)")).toContain('href="https://evil.example/login" title="https://evil.example/login"');
  });

  test("an image is a link to it, never loaded", () => {
    const html = render("![the chart](https://evil.example/pixel.png?q=secret)");
    expect(tagsOf(html)).not.toContain("img");
    expect(html).toContain('<a href="https://evil.example/pixel.png?q=secret"');
    expect(html).toContain("Image: the chart");
  });

  test.each(["![x](javascript:alert(1))", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"])("an image with an unsafe URL is its text only: %s", (markdown) => {
    const html = render(markdown);
    expectInert(html);
    expect(tagsOf(html)).not.toContain("a");
    expect(html).toContain("[Image: x]");
  });
});

describe("markdown", () => {
  test("GFM: tables (in a scrolling box), task lists, strikethrough; '~' alone stays a tilde", () => {
    const html = render("| a | b |\n| --- | ---: |\n| 1 | 2 |\n\n- [x] done\n- [ ] to do\n\n~~gone~~, takes ~5 to ~10 minutes");
    expect(html).toMatch(/<div class="[^"]*overflow-x-auto[^"]*"><table/);
    expect(html).toContain("<th");
    expect(html).toMatch(/<li class="[^"]*task-list-item"><input class="[^"]*" type="checkbox" disabled="" checked=""/);
    expect(html).toContain("<del>gone</del>");
    expect(html).toContain("takes ~5 to ~10 minutes");
  });

  test("reference links and footnotes, defined in another block, still resolve", () => {
    const html = render("See [the guide][guide] and a note[^1].\n\nMore text.\n\n[guide]: https://example.com/guide\n[^1]: The note itself.\n");
    expect(html).toContain('<a href="https://example.com/guide"');
    expect(html).toContain("The note itself.");
  });

  test("a single newline is a line break, as people and models mean it", () => {
    expect(render("Roses are red,\nviolets are blue")).toContain("Roses are red,<br/>");
  });

  test("a finished code block has its language, a Copy code button and the exact code", () => {
    const html = render("```ts\nconst a = 1 < 2;\n\n  return a;\n```\n");
    expect(html).toContain('<span class="truncate font-mono">ts</span>');
    expect(html).toContain('aria-label="Copy code"');
    expect(html).toContain('data-language="ts"');
    expect(html).toContain("const a = 1 &lt; 2;\n\n  return a;</code>");
  });

  test("a code block still being written is plain", () => {
    const html = render("Intro\n\n```python\nprint('hi')\n", true);
    expect(html).toContain("print(&#x27;hi&#x27;)");
    expect(html).not.toContain("data-highlighted");
  });

  test("while an answer is written, marks left open at its end are closed, and a link still coming is its text", () => {
    const html = render("Intro\n\nThe **discrimin", true);
    expect(html).toContain("The <strong>discrimin</strong>");
    expect(render("See [the docs](https://exa", true)).toContain("See <span>the docs</span></p>");
    // A finished answer is shown as written, marks never closed included.
    expect(render("The **discrimin")).toContain("The **discrimin");
  });

  test("each block is rendered once, in order, and together they show the whole text", () => {
    const html = render("# Title\n\nFirst paragraph.\n\n- one\n- two\n\n> quoted\n");
    expect(tagsOf(html)).toEqual(["h1", "p", "ul", "li", "li", "blockquote", "p"]);
  });

  test("blocks beyond a render's parse budget are shown as their text at once (parsed in the next frames); the growing block is always parsed", () => {
    const html = renderToStaticMarkup(<MarkdownMessage text={"# Title\n\n- one\n- two\n\nThe **end**"} streaming parseBudgetMs={0} />);
    expect(html).toContain('<p class="my-3 whitespace-pre-wrap first:mt-0 last:mb-0"># Title\n\n</p>');
    expect(html).toContain("- one\n- two\n\n</p>");
    expect(html).toContain("The <strong>end</strong>");
  });
});

describe("formulas", () => {
  /** The formulas of the markup: their source, and whether each is displayed. */
  const formulasOf = (html: string) =>
    [...html.matchAll(/<span class="math-formula ([^"]*)" data-tex="([^"]*)"><\/span>/g)].map(([, classes, tex]) => ({
      tex: (tex ?? "").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#x27;/g, "'"),
      display: (classes ?? "").includes("block"),
    }));

  test("\\( \\) is a formula in its line, \\[ \\] and $$ on lines of their own are displayed, in lists and across blank lines too", () => {
    const html = render("Where \\(a \\ne 0\\):\n\\[\nx = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}\n\\]\n\n1. Then\n   $$\n   y_1 < y_2\n\n   \\text{and} z\n   $$\n");
    expect(formulasOf(html)).toEqual([
      { tex: "a \\ne 0", display: false },
      { tex: "x = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}", display: true },
      { tex: "y_1 < y_2\n\n\\text{and} z", display: true },
    ]);
    expect(html).not.toContain("\\(");
  });

  test("a formula begun after text, in a list item and in a quote, is displayed where it was written", () => {
    const html = render("so $$\nx\n$$\nmore\n\n- item \\[\n  y\n  \\]\n\n> \\[\n> z\n> \\]\n");
    expect(formulasOf(html)).toEqual([
      { tex: "x", display: true },
      { tex: "y", display: true },
      { tex: "z", display: true },
    ]);
    expect(html).toMatch(/<li[^>]*>.*data-tex="y".*<\/li>/s);
    expect(html).toMatch(/<blockquote[^>]*>.*data-tex="z".*<\/blockquote>/s);
    expect(html).toContain("more");
  });

  test("formulas side by side are each a formula", () => {
    expect(formulasOf(render("\\(a\\)\\(b\\) and $$c$$\\(d\\)"))).toEqual(["a", "b", "c", "d"].map((tex) => ({ tex, display: false })));
  });

  test("any text with delimiters, code and marks, whole or cut anywhere while written, renders without throwing and stays inert", () => {
    const piece = fc.constantFrom("\\(", "\\)", "\\[", "\\]", "$$", "$", "`", "``", "```", "\n", "\n\n", "  ", "- ", "> ", "1. ", "**", "_", "x^2", "\\frac{a}{b}", "<script>", "[a](javascript:x)", "日本", "👍🏽", "\\\\");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.boolean(), (pieces, streaming) => {
        const text = pieces.join("");
        const html = render(text, streaming);
        expectInert(html);
        if (!text.includes("\\(") && !text.includes("\\[") && !text.includes("$")) expect(html).not.toContain("math-formula");
      }),
      { numRuns: 500 },
    );
  });

  test("an answer cut short in a formula (Stop, a length limit) ends with its source, not half a formula", () => {
    const displayed = render("So:\n\n\\[\nx = \\frac{1");
    expect(formulasOf(displayed)).toEqual([]);
    expect(displayed).toContain('data-language="tex"');
    expect(displayed).toContain("\\[\nx = \\frac{1</code>");
    expect(render("So \\(x_1 +")).toMatch(/So <code[^>]*>\\\(x_1 \+<\/code>/);
    // Only at the answer's end: a block before it is read as written.
    expect(render("So \\(x_1 +\n\nThen more.")).toContain("So (x_1 +");
  });

  test("single dollars, as open models write them, are formulas by Pandoc's rule", () => {
    expect(formulasOf(render("Then $E = mc^2$ holds, for $5 or $10."))).toEqual([{ tex: "E = mc^2", display: false }]);
  });

  test("prices, code and escaped delimiters are not formulas", () => {
    const html = render("It costs $5 or $10.\n\n`\\(x\\)` and \\\\(y\\\\)\n\n```tex\n\\[ z \\]\n```\n");
    expect(formulasOf(html)).toEqual([]);
    expect(html).toContain("It costs $5 or $10.");
    expect(html).toContain("<code class=\"rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[0.875em] dark:bg-slate-800\">\\(x\\)</code>");
    expect(html).toContain("\\(y\\)");
    expect(html).toContain('data-language="tex"');
  });

  test("while an answer is written, a formula whose end has not come is its source, and a displayed one stays a formula once closed", () => {
    expect(formulasOf(render("So \\(x_1 +", true))).toEqual([]);
    expect(render("So \\(x_1 +", true)).toMatch(/So <code[^>]*>\\\(x_1 \+<\/code>/);
    expect(formulasOf(render("So:\n\n\\[\nx = \\frac{1", true))).toEqual([{ tex: "x = \\frac{1", display: true }]);
    expect(formulasOf(render("So:\n\n$$\nx = 1\n$$\n\nthen", true))).toEqual([{ tex: "x = 1", display: true }]);
  });
});
