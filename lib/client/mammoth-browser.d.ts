// Mammoth's prebuilt browser bundle (lib/client/read-docx-text.ts) is the package's own API, typed by its lib/index.d.ts.
declare module "mammoth/mammoth.browser.min.js" {
  import mammoth from "mammoth";
  export default mammoth;
}
