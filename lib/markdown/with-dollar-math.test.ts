import { describe, expect, test } from "vitest";
import { withDollarMath } from "@/lib/markdown/with-dollar-math";

describe("withDollarMath", () => {
  test.each([
    { name: "text without math is the same string", source: "Costs $5 and $10 (about [1] of them).", converted: "Costs $5 and $10 (about [1] of them)." },
    { name: "\\( \\) is inline math", source: "where \\(x^2\\) grows", converted: "where $$x^2$$ grows" },
    { name: "\\[ \\] on lines of its own is a math block", source: "So:\n\\[\nE = mc^2\n\\]\nholds.", converted: "So:\n$$\nE = mc^2\n$$\nholds." },
    { name: "\\[ \\] on one line of its own is a math block", source: "\\[ a + b \\]\n", converted: "$$\na + b\n$$\n" },
    { name: "text beside a fence moves to a line of its own", source: "\\[ x = 1,\n  y = 2 \\] so", converted: "$$\nx = 1,\n  y = 2\n$$\n so" },
    { name: "$$ on a line of its own is a math block", source: "text\n$$x = \\frac{1}{2}$$\nmore", converted: "text\n$$\nx = \\frac{1}{2}\n$$\nmore" },
    { name: "$$ within a line stays inline", source: "so $$x$$ is", converted: "so $$x$$ is" },
    { name: "$ $ is inline math, by Pandoc's rule", source: "so $x^2$ and $\\alpha_1$.", converted: "so $$x^2$$ and $$\\alpha_1$$." },
    { name: "prices are not formulas", source: "$5 and $10, $1,000-$2,000, $ 3 $, costs $4$5, a $x\ny$", converted: "$5 and $10, $1,000-$2,000, $ 3 $, costs $4$5, a $x\ny$" },
    { name: "an escaped or coded dollar is no delimiter", source: "\\$x$ and `$y$`", converted: "\\$x$ and `$y$`" },
    { name: "$$ over several lines after text is a math block below it", source: "so $$\nx\n$$\nmore", converted: "so \n$$\nx\n$$\nmore" },
    { name: "a list item's formula after its text stays in the item", source: "- Then \\[\n  x\n  \\]", converted: "- Then \n  $$\n  x\n  $$" },
    { name: "a quoted formula stays in the quote", source: "> \\[\n> x\n> \\]", converted: "> $$\n> x\n> $$" },
    { name: "inline math over two lines is one line", source: "a \\(x +\n  y\\) b", converted: "a $$x + y$$ b" },
    { name: "\\[ after text on its line is inline", source: "the set \\[0, 1\\] here", converted: "the set $$0, 1$$ here" },
    { name: "a list item's formula keeps the item's indentation", source: "1. First\n   \\[\n   x\n   \\]\n", converted: "1. First\n   $$\n   x\n   $$\n" },
    { name: "CRLF line endings", source: "a\r\n\\[x\\]\r\nb", converted: "a\r\n$$\nx\n$$\r\nb" },
    { name: "an escaped backslash is not a delimiter", source: "a \\\\(b\\\\) c", converted: "a \\\\(b\\\\) c" },
    { name: "an empty formula is none", source: "call f\\(\\) now", converted: "call f\\(\\) now" },
    { name: "each delimiter closes at the nearest closing one, many on a line", source: "\\(a\\)\\(b\\) \\( \\[c\\] $$d$$", converted: "$$a$$ $$b$$ \\( $$c$$ $$d$$" },
    { name: "an unclosed delimiter is left as written", source: "being written: \\(x + ", converted: "being written: \\(x + " },
    { name: "inline math does not cross a blank line", source: "\\(a\n\nb\\)", converted: "\\(a\n\nb\\)" },
    { name: "code spans are kept", source: "`\\(a\\)` and ``$$b$$`` but \\(c\\)", converted: "`\\(a\\)` and ``$$b$$`` but $$c$$" },
    { name: "fenced code is kept", source: "```tex\n\\(a\\)\n```\n\\(b\\)", converted: "```tex\n\\(a\\)\n```\n$$b$$" },
    { name: "a fence still open is kept to the end", source: "\\(a\\)\n~~~~\n\\(b\\)\n~~~\n\\(c\\)", converted: "$$a$$\n~~~~\n\\(b\\)\n~~~\n\\(c\\)" },
    { name: "a fence in a list item is kept", source: "- ```\n  \\(a\\)\n  ```\n- \\(b\\)", converted: "- ```\n  \\(a\\)\n  ```\n- $$b$$" },
    { name: "CJK and emoji around a formula", source: "面積は\\(\\pi r^2\\)です 🎉", converted: "面積は$$\\pi r^2$$です 🎉" },
  ])("$name", ({ source, converted }) => {
    expect(withDollarMath(source)).toBe(converted);
  });

  test.each([
    { name: "an inline formula begun is its source, as a code span", source: "so \\(x_1 + *y", converted: "so `\\(x_1 + *y`" },
    { name: "only the last one, after closed ones", source: "\\(a\\) and \\(b", converted: "$$a$$ and `\\(b`" },
    { name: "a displayed formula begun is a math block not closed yet", source: "so:\n\\[\nx = \\frac{1", converted: "so:\n$$\nx = \\frac{1" },
    { name: "one begun on its opening line", source: "- item\n  \\[ x =", converted: "- item\n  $$\n  x =" },
    { name: "not one within a closed formula", source: "\\(a \\(b\\) c", converted: "$$a \\(b$$ c" },
    { name: "nothing in a code span", source: "`\\(x", converted: "`\\(x" },
    { name: "nothing across a blank line", source: "\\(x\n\ny", converted: "\\(x\n\ny" },
  ])("while the text is written: $name", ({ source, converted }) => {
    expect(withDollarMath(source, "growing")).toBe(converted);
    // Once the answer is over, a delimiter never closed is left as written.
    expect(withDollarMath(source)).toBe(source.replace("\\(a\\)", () => "$$a$$").replace("\\(a \\(b\\)", () => "$$a \\(b$$"));
  });

  test.each([
    { name: "an inline formula is its source, as a code span", source: "so \\(x_1 + *y", converted: "so `\\(x_1 + *y`" },
    { name: "a displayed one is a tex code block, delimiter included", source: "so:\n\\[\nx = \\frac{1\n", converted: "so:\n```tex\n\\[\nx = \\frac{1\n```" },
    { name: "a $$ one too", source: "so:\n$$\nx = \\frac{1", converted: "so:\n```tex\n$$\nx = \\frac{1\n```" },
    { name: "in a list item, indented as the item", source: "- so:\n  \\[\n  x =", converted: "- so:\n  ```tex\n  \\[\n  x =\n  ```" },
  ])("in an answer cut short: $name", ({ source, converted }) => {
    expect(withDollarMath(source, "cut")).toBe(converted);
  });
});
