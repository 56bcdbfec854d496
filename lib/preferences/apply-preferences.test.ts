import { describe, expect, test } from "vitest";
import { applyPreferences, type PreferencesEnvironment } from "@/lib/preferences/apply-preferences";
import { preferencesConfig } from "@/lib/preferences/preferences";

function fakeWindow({ stored = {}, systemDark = false, languages = ["en-US"] }: { stored?: Record<string, string>; systemDark?: boolean; languages?: string[] }) {
  const classes = new Set<string>();
  const root = {
    lang: "en",
    classList: { toggle: (token: string, force?: boolean) => (force ? classes.add(token) : classes.delete(token), classes.has(token)) },
  };
  const environment: PreferencesEnvironment = {
    document: { documentElement: root },
    localStorage: { getItem: (key) => stored[key] ?? null },
    matchMedia: (query) => ({ matches: query === "(prefers-color-scheme: dark)" && systemDark }),
    navigator: { languages },
  };
  return { environment, root, classes };
}

const apply = (environment: PreferencesEnvironment) => applyPreferences(preferencesConfig, environment);

describe("the theme", () => {
  test.each([
    { saved: undefined, systemDark: false, dark: false },
    { saved: undefined, systemDark: true, dark: true },
    { saved: "system", systemDark: true, dark: true },
    { saved: "light", systemDark: true, dark: false },
    { saved: "dark", systemDark: false, dark: true },
    { saved: "purple", systemDark: true, dark: true },
  ])("saved $saved with a dark system $systemDark: dark $dark", ({ saved, systemDark, dark }) => {
    const { environment, classes } = fakeWindow({ stored: saved ? { [preferencesConfig.themeKey]: saved } : {}, systemDark });
    apply(environment);
    expect(classes.has("dark")).toBe(dark);
  });

  test.each([
    { saved: undefined, chosen: [] },
    { saved: "system", chosen: [] },
    { saved: "light", chosen: ["chose-light"] },
    { saved: "dark", chosen: ["chose-dark"] },
  ])("saved $saved: the choice is marked $chosen, for the header to show before it hydrates", ({ saved, chosen }) => {
    const { environment, classes } = fakeWindow({ stored: saved ? { [preferencesConfig.themeKey]: saved } : {}, systemDark: true });
    apply(environment);
    expect([...classes].filter((name) => name.startsWith("chose-"))).toEqual(chosen);
  });

  test("the class goes away again when the choice turns light", () => {
    const stored: Record<string, string> = { [preferencesConfig.themeKey]: "dark" };
    const { environment, classes } = fakeWindow({ stored });
    apply(environment);
    stored[preferencesConfig.themeKey] = "light";
    apply(environment);
    expect(classes.has("dark")).toBe(false);
  });
});

describe("the language", () => {
  test.each([
    { languages: ["ja-JP", "en-US"], lang: "ja" },
    { languages: ["ko"], lang: "ko" },
    { languages: ["KO-kr"], lang: "ko" },
    { languages: ["zh-TW", "ja"], lang: "ja" },
    { languages: ["fr-FR", "de"], lang: "en" },
    { languages: [], lang: "en" },
  ])("browser languages $languages: $lang", ({ languages, lang }) => {
    const { environment, root } = fakeWindow({ languages });
    apply(environment);
    expect(root.lang).toBe(lang);
  });

  test("a saved choice wins over the browser's languages, and an unknown one is ignored", () => {
    const { environment, root } = fakeWindow({ stored: { [preferencesConfig.localeKey]: "ko" }, languages: ["ja-JP"] });
    apply(environment);
    expect(root.lang).toBe("ko");
    const other = fakeWindow({ stored: { [preferencesConfig.localeKey]: "xx" }, languages: ["ja-JP"] });
    apply(other.environment);
    expect(other.root.lang).toBe("ja");
  });
});

describe("the conversations column", () => {
  test("closed on a wide screen where the reader closed it, open otherwise; blocked storage leaves the page's own toggle as it is", () => {
    const closed = fakeWindow({ stored: { [preferencesConfig.conversationsKey]: "closed" } });
    apply(closed.environment);
    expect(closed.classes.has("conversations-closed")).toBe(true);
    closed.environment.localStorage.getItem = (key) => (key === preferencesConfig.conversationsKey ? "open" : null);
    apply(closed.environment);
    expect(closed.classes.has("conversations-closed")).toBe(false);

    const blocked = fakeWindow({});
    blocked.classes.add("conversations-closed");
    blocked.environment.localStorage.getItem = () => {
      throw new DOMException("blocked", "SecurityError");
    };
    apply(blocked.environment);
    expect(blocked.classes.has("conversations-closed")).toBe(true);
  });
});

test("blocked storage still gives the system's theme and the browser's language", () => {
  const { environment, root, classes } = fakeWindow({ systemDark: true, languages: ["ko-KR"] });
  environment.localStorage.getItem = () => {
    throw new DOMException("blocked", "SecurityError");
  };
  apply(environment);
  expect(classes.has("dark")).toBe(true);
  expect(root.lang).toBe("ko");
});

test("its source runs alone, as the inline script runs it", () => {
  const { environment, root, classes } = fakeWindow({ systemDark: true, languages: ["ja-JP"] });
  // The same text the page's <head> carries: nothing from the module around the function may be needed.
  const run = new Function("window", `(${applyPreferences.toString()})(${JSON.stringify(preferencesConfig)}, window)`);
  run(environment);
  expect(root.lang).toBe("ja");
  expect(classes.has("dark")).toBe(true);
});
