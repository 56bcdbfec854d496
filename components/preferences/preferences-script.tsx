import { applyPreferences } from "@/lib/preferences/apply-preferences";
import { preferencesConfig } from "@/lib/preferences/preferences";
import { recordEarlyClick } from "@/lib/ui/record-early-click";
import { earlyClickKey } from "@/lib/ui/replay-early-click";

const source = `(${applyPreferences.toString()})(${JSON.stringify(preferencesConfig)},window);(${recordEarlyClick.toString()})(window,${JSON.stringify(earlyClickKey)})`;

/**
 * The one inline script of the page: it sets the theme class and `lang` on
 * `<html>` before the first paint, so a dark-mode reader never sees a white
 * flash, and keeps a click on a button made before the page's code runs
 * (lib/ui/record-early-click.ts). It carries the page's CSP nonce
 * (proxy.ts): no other inline script may run.
 */
export function PreferencesScript({ nonce }: { nonce: string | undefined }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: source }} />;
}
