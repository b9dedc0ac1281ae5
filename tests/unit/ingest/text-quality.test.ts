// Binary that slipped in as text (no NUL byte, so the old check let it through and the segmenter
// cut it into hundreds of articles) is refused; real text, even with a few mis-decoded accents, is not.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { toErrorBody } from "@/lib/api/app-error";
import { IngestInputError, validatePastedText } from "@/lib/ingest/pipeline";
import { describeNonText, nonTextShare } from "@/lib/ingest/text-quality";

const root = path.resolve(import.meta.dirname, "../../..");

/** Deterministic bytes 1–255 (no NUL), like a compressed file or an image body. */
function binaryWithoutNul(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 0x2545f491;
  for (let i = 0; i < length; i += 1) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = 1 + ((state >>> 16) % 255);
  }
  return bytes;
}

describe("telling text from binary", () => {
  it("refuses binary decoded as UTF-8, saying what it looks like", () => {
    const text = new TextDecoder("utf-8").decode(binaryWithoutNul(64_000));
    expect(text.includes("\u0000")).toBe(false);
    expect(nonTextShare(text)).toBeGreaterThan(0.3);
    expect(describeNonText(text)).toMatch(/not readable text .*binary file/);
    expect(() => validatePastedText(text)).toThrow(IngestInputError);
  });

  it("accepts the client's pastes and a Latin-1 text whose accents decoded as replacements", () => {
    for (const name of ["japan-treaty-unfair", "treaty-and-nato-forum-paste"]) {
      const paste = readFileSync(path.join(root, "prisma", "seed-articles", `${name}.txt`), "utf8");
      expect(describeNonText(paste)).toBeNull();
      expect(validatePastedText(paste)).toBe(paste);
    }
    const latin1 = Buffer.from("Le maire a déclaré mardi que le pont rouvrirait « dès que possible », selon la préfecture.", "latin1");
    expect(describeNonText(new TextDecoder("utf-8").decode(latin1))).toBeNull();
  });

  it("the refusal reaches the API and admin form as a 422 with its message, not an internal error", () => {
    const error = (() => {
      try {
        validatePastedText(new TextDecoder("utf-8").decode(binaryWithoutNul(4_000)));
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    const { status, body } = toErrorBody(error);
    expect(status).toBe(422);
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.message).toMatch(/binary file/);
  });
});
