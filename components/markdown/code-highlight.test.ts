import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";

const css = readFileSync(new URL("./code-highlight.css", import.meta.url), "utf8");

/** The `--code-*` colours declared in the first rule with exactly this selector. */
function paletteOf(selector: string): Map<string, string> {
  const start = css.indexOf(`\n${selector} {`);
  const body = css.slice(start, css.indexOf("}", start));
  return new Map([...body.matchAll(/--code-([\w-]+):\s*(#[0-9a-f]{6});/g)].map(([, name, colour]) => [name ?? "", colour ?? ""]));
}

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(colour: string): number {
  const [red = 0, green = 0, blue = 0] = [1, 3, 5].map((at) => {
    const channel = parseInt(colour.slice(at, at + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}
function contrast(foreground: string, background: string): number {
  const [lighter, darker] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return ((lighter ?? 0) + 0.05) / ((darker ?? 0) + 0.05);
}

const backgrounds = new Set(["background", "header", "border", "addition-background", "deletion-background"]);

describe.each([".markdown-code", ".dark .markdown-code"])("code colours in %s", (selector) => {
  const palette = paletteOf(selector);

  test("declare every colour", () => {
    expect([...palette.keys()].sort()).toEqual([...paletteOf(".markdown-code").keys()].sort());
    expect(palette.size).toBeGreaterThan(12);
  });

  test.each([...paletteOf(".markdown-code").keys()].filter((name) => !backgrounds.has(name)))("--code-%s is readable (WCAG AA, 4.5:1)", (name) => {
    const background = name === "muted" ? "header" : name === "addition" || name === "deletion" ? `${name}-background` : "background";
    expect(contrast(palette.get(name) ?? "", palette.get(background) ?? "")).toBeGreaterThanOrEqual(4.5);
  });
});
