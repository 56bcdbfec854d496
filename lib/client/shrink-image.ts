/*
 * An image made as small as a model can use it, in the browser, before it
 * is kept or sent: OpenAI's high detail fits an image in 2,048 × 2,048 and
 * then its shorter side in 768 pixels, and looks at nothing more. A photo
 * of 12 megapixels becomes a 1,024 × 768 JPEG of some 100 to 150 kB (322 kB
 * for pure noise, the worst case): a few fit in a request the server takes
 * (1 MiB by default), and saved chats stay small. An image already that small is kept as it is (a PNG screenshot
 * stays sharp).
 */

const longestSide = 2048;
const shortestSide = 768;
const jpegQuality = 0.85;
/**
 * An image this small, of a kind every model server takes, and not too large
 * in pixels, is sent as it is. Not a GIF: OpenAI takes only still ones, and
 * a GIF may move (drawn on the canvas, its first frame is sent).
 */
const keptBytes = 200_000;
const keptTypes = ["image/png", "image/jpeg", "image/webp"];

export interface ShrunkImage {
  /** A `data:` URL of a base64 PNG, JPEG or WebP. */
  dataUrl: string;
  width: number;
  height: number;
}

/** The image, shrunk to what a model looks at; throws when this browser cannot decode it (HEIC in Chromium, a broken file). */
export async function shrinkImage(file: Blob): Promise<ShrunkImage> {
  const bitmap = await createImageBitmap(file);
  try {
    const scale = Math.min(1, longestSide / Math.max(bitmap.width, bitmap.height), shortestSide / Math.min(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    if (scale === 1 && file.size <= keptBytes && keptTypes.includes(file.type)) return { dataUrl: await dataUrlOf(file), width, height };
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2D canvas to shrink the image on");
    // JPEG has no transparency: what was transparent becomes white, as on a page, not black.
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, width, height);
    context.imageSmoothingQuality = "high";
    context.drawImage(bitmap, 0, 0, width, height);
    return { dataUrl: await dataUrlOf(await canvas.convertToBlob({ type: "image/jpeg", quality: jpegQuality })), width, height };
  } finally {
    bitmap.close();
  }
}

function dataUrlOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("the image could not be read"));
    reader.readAsDataURL(blob);
  });
}
