import { applyPreferences } from "@/lib/preferences/apply-preferences";
import { preferencesConfig } from "@/lib/preferences/preferences";

const source = `(${applyPreferences.toString()})(${JSON.stringify(preferencesConfig)},window)`;

/**
 * The one inline script of the page: it sets the theme class and `lang` on
 * `<html>` before the first paint, so a dark-mode reader never sees a white
 * flash. When the pages get a Content-Security-Policy with nonces, this is
 * the one place to give it the nonce (or its hash to allow).
 */
export function PreferencesScript() {
  return <script dangerouslySetInnerHTML={{ __html: source }} />;
}
