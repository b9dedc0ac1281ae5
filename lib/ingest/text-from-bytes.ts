// Bytes from any door (a fetched body, a file on the command line, an admin upload, the API) to
// text: a gzip-compressed file is recognised by its magic bytes and inflated under the same cap as
// an HTTP body (so a gzip bomb is refused), then the charset is detected (BOM, header, declaration).
import { gunzipSync } from "node:zlib";
import { AppError } from "@/lib/app-error";
import { decodeText, type TDecodedText } from "@/lib/ingest/decode-text";
import { FETCH_DEFAULTS } from "@/lib/ingest/fetch-url";

export type TTextFromBytesOptions = { contentType?: string | null; maxInflatedBytes?: number };

export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08;
}

/** Inflates gzip bytes, refusing output over `maxBytes` and corrupt or cut-short input. */
export function inflateGzip(bytes: Uint8Array, maxBytes: number): Uint8Array {
  try {
    return new Uint8Array(gunzipSync(bytes, { maxOutputLength: maxBytes }));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ERR_BUFFER_TOO_LARGE") {
      throw new AppError("too_large", 413, `the gzip-compressed input inflates to more than the ${maxBytes}-byte cap`);
    }
    throw new AppError("invalid_input", 422, "the input is gzip-compressed but corrupt or cut short");
  }
}

export function textFromBytes(bytes: Uint8Array, options: TTextFromBytesOptions = {}): TDecodedText {
  const plain = isGzip(bytes) ? inflateGzip(bytes, options.maxInflatedBytes ?? FETCH_DEFAULTS.maxBytes) : bytes;
  return decodeText(plain, options.contentType);
}
