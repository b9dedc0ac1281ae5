// Reads a request body under a byte cap: a declared Content-Length over the cap is refused
// before reading, and a chunked body is read only up to the cap, so a client sending hundreds
// of megabytes costs the server no more than the cap.
import { AppError } from "@/lib/api/app-error";

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${+(bytes / 1_000_000).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} KB`;
}

function tooLarge(what: string, maxBytes: number): AppError {
  return new AppError("too_large", 413, `${what} is larger than ${formatBytes(maxBytes)}`);
}

/**
 * The body as UTF-8 text. Past the cap it stops reading and throws a 413; the rest of the body is
 * left unread (not cancelled: cancelling would reset the connection before the 413 is sent).
 */
export async function readBodyText(request: Request, maxBytes: number, what = "the request body"): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(what, maxBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw tooLarge(what, maxBytes);
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  return new TextDecoder("utf-8").decode(Buffer.concat(chunks, total));
}

/** The body parsed as JSON, under the same cap; not JSON is a 400. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const text = await readBodyText(request, maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_json", 400, "the request body is not valid JSON");
  }
}
