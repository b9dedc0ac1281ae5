// What the API and the admin page accept, in one zod schema, and how each kind is carried out.
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { MAX_PASTE_CHARS, ingestUrl, type TIngestOptions } from "@/lib/ingest/pipeline";
import { ingestBody } from "@/lib/ingest/ingest-body";
import { ingestFile } from "@/lib/ingest/ingest-file";
import { subscribeAndPoll } from "@/lib/ingest/poll-feed";
import type { TRunSummary } from "@/lib/ingest/runs";

const ZHttpUrl = z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).max(2048);

export const ZIngestRequest = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("paste"),
    text: z
      .string()
      .trim()
      .min(1, "the text is empty")
      .max(MAX_PASTE_CHARS)
      .refine((text) => !text.includes("\u0000"), "the text contains NUL bytes: is it a binary file?"),
    label: z.string().trim().max(200).optional(),
  }),
  z.object({ kind: z.literal("url"), url: ZHttpUrl }),
  z.object({ kind: z.literal("feed"), url: ZHttpUrl }),
  // A whole file (a feed, plain or gzip-compressed, or text in any charset), base64-encoded.
  z.object({
    kind: z.literal("file"),
    name: z.string().trim().min(1, "the file needs a name").max(200),
    base64: z.base64("must be base64").min(1, "the file is empty"),
  }),
]);
export type TIngestRequest = z.infer<typeof ZIngestRequest>;

/** The largest JSON body worth reading: a full-length paste at up to 4 UTF-8 bytes a character, plus the envelope. */
export const MAX_INGEST_BODY_BYTES = MAX_PASTE_CHARS * 4 + 16_000;

export async function runIngestRequest(db: PrismaClient, request: TIngestRequest, options: TIngestOptions): Promise<TRunSummary> {
  switch (request.kind) {
    case "paste":
      // A "paste" may be a saved page or feed: markup is read as such, or refused, never stored as text.
      return ingestBody(db, { text: request.text, label: request.label }, options);
    case "url":
      return ingestUrl(db, request.url, options);
    case "feed":
      return subscribeAndPoll(db, request.url, options);
    case "file":
      return ingestFile(db, new Uint8Array(Buffer.from(request.base64, "base64")), request.name, options);
  }
}
