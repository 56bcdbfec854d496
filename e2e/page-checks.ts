import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

/**
 * Runs axe on the page (WCAG 2.0 A and AA, 2.1 AA) and fails on any serious
 * or critical violation, listing each with the elements it found.
 */
export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  // The contrast rule must have measured something, or a page it could not read would pass unseen.
  expect(results.passes.map((rule) => rule.id)).toContain("color-contrast");
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes.map((node) => `  ${node.target.join(" ")}: ${node.failureSummary ?? ""}`).join("\n")}`);
  expect(serious, serious.join("\n\n")).toEqual([]);
}

export interface ConsoleGuardOptions {
  /** Console errors a test causes on purpose (a request it makes fail shows as "Failed to load resource"). */
  expectedConsoleErrors: RegExp[];
}

/**
 * `test` that also fails when the page logs an error, throws, or warns about
 * hydration: a mismatch between the prerendered HTML and the first render in
 * the browser (React's production build reports it as error #418).
 */
export const test = base.extend<ConsoleGuardOptions & { consoleGuard: void }>({
  expectedConsoleErrors: [[], { option: true }],
  consoleGuard: [
    async ({ page, expectedConsoleErrors }, use) => {
      const problems: string[] = [];
      page.on("console", (message) => {
        const text = message.text();
        const isError = message.type() === "error" && !expectedConsoleErrors.some((pattern) => pattern.test(text));
        const aboutHydration = (message.type() === "error" || message.type() === "warning") && /hydrat|#418|#423|#425/i.test(text);
        if (isError || aboutHydration) problems.push(`${message.type()}: ${text}`);
      });
      page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
      await use();
      expect(problems, "console errors, uncaught errors or hydration warnings").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
