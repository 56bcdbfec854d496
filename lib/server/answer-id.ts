/** A fresh answer id: 128 random bits, base64url (shared/PROTOCOL.md v1.1 asks for at least 128). */
export function newAnswerId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Buffer.from(bytes).toString("base64url");
}
