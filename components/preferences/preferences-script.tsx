import { applyPreferences } from "@/lib/preferences/apply-preferences";
import { preferencesConfig } from "@/lib/preferences/preferences";

const source = `(${applyPreferences.toString()})(${JSON.stringify(preferencesConfig)},window)`;

/**
 * The one inline script of the page: it sets the theme class and `lang` on
 * `<html>` before the first paint, so a dark-mode reader never sees a white
 * flash. It carries the page's CSP nonce (proxy.ts): no other inline
 * script may run.
 */
export function PreferencesScript({ nonce }: { nonce: string | undefined }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: source }} />;
}
