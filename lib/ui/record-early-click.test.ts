import { afterEach, expect, test, vi } from "vitest";
import { recordEarlyClick } from "@/lib/ui/record-early-click";
import { earlyClickKey, replayEarlyClick } from "@/lib/ui/replay-early-click";

class FakeElement {
  constructor(private readonly button: FakeButton | null) {}
  closest(selector: string) {
    return selector === "button" ? this.button : null;
  }
}

class FakeButton extends FakeElement {
  clicks = 0;
  isConnected = true;
  disabled = false;
  constructor(readonly type: "button" | "submit") {
    super(null);
  }
  override closest(selector: string) {
    return selector === "button" ? this : null;
  }
  click() {
    this.clicks += 1;
  }
}

/** A window as the inline script sees it, running the function's source alone (as the page's <head> carries it). */
function pageBeforeItsCode() {
  let listener: ((event: { target: unknown; preventDefault(): void }) => void) | undefined;
  const document: Record<string, unknown> = {};
  const fakeWindow: Record<string, unknown> = {
    Element: FakeElement,
    document,
    addEventListener: (type: string, handler: typeof listener, capture: boolean) => {
      if (type === "click" && capture) listener = handler;
    },
  };
  new Function("window", `(${recordEarlyClick.toString()})(window, ${JSON.stringify(earlyClickKey)})`)(fakeWindow);
  return {
    fakeWindow,
    click(target: FakeElement) {
      let prevented = false;
      listener?.({ target, preventDefault: () => (prevented = true) });
      return { prevented };
    },
    reactTakesOver: () => (document["__reactContainer$abc"] = {}),
  };
}

afterEach(() => vi.unstubAllGlobals());

test("the last button clicked before the page's code runs is kept, and clicked once more when it runs", () => {
  const page = pageBeforeItsCode();
  const menu = new FakeButton("button");
  const settings = new FakeButton("button");
  // A click on the menu button's icon, then one on Settings: the last is kept.
  expect(page.click(new FakeElement(menu))).toEqual({ prevented: false });
  page.click(settings);
  expect(page.fakeWindow[earlyClickKey]).toBe(settings);

  vi.stubGlobal("window", page.fakeWindow);
  replayEarlyClick();
  expect([menu.clicks, settings.clicks]).toEqual([0, 1]);
  // Once only.
  replayEarlyClick();
  expect(settings.clicks).toBe(1);
});

test("a submit button's click does not submit its form natively (a reload); a click on no button is not kept", () => {
  const page = pageBeforeItsCode();
  const run = new FakeButton("submit");
  expect(page.click(run)).toEqual({ prevented: true });
  expect(page.click(new FakeElement(null))).toEqual({ prevented: false });
  expect(page.fakeWindow[earlyClickKey]).toBe(run);
});

test("once React holds the page, clicks are its own: none is kept", () => {
  const page = pageBeforeItsCode();
  page.reactTakesOver();
  expect(page.click(new FakeButton("submit"))).toEqual({ prevented: false });
  expect(page.fakeWindow[earlyClickKey]).toBeUndefined();
});

test("a button gone or disabled by then is not clicked", () => {
  const page = pageBeforeItsCode();
  const gone = new FakeButton("button");
  page.click(gone);
  gone.isConnected = false;
  vi.stubGlobal("window", page.fakeWindow);
  replayEarlyClick();
  expect(gone.clicks).toBe(0);

  const disabled = new FakeButton("button");
  page.click(disabled);
  disabled.disabled = true;
  replayEarlyClick();
  expect(disabled.clicks).toBe(0);
});
