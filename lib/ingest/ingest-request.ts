// What the API and the admin page accept, in one zod schema, and how each kind is carried out.
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ingestBody } from "@/lib/ingest/ingest-body";
import { MAX_PASTE_CHARS, ingestUrl, type TIngestOptions } from "@/lib/ingest/pipeline";
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
  }
}
