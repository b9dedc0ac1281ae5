"use server";
// The admin page's write actions: parse → authorize → do → redirect back with the outcome.
// Each runs the same pipeline as the API and the command line.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { toErrorBody } from "@/lib/api/app-error";
import { ZRowId } from "@/lib/api/row-id";
import { ADMIN_COOKIE, checkAdminToken } from "@/lib/auth/admin-token";
import { ADMIN_SESSION_TTL_SECONDS, endAdminSession, startAdminSession } from "@/lib/auth/admin-session";
import { requireAdmin } from "@/lib/auth/require-admin";
import { writeThenExpire } from "@/lib/cache/expire-written-content";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ZIngestRequest, runIngestRequest } from "@/lib/ingest/ingest-request";
import { importOpml } from "@/lib/ingest/import-opml";
import { ingestFile } from "@/lib/ingest/ingest-file";
import { pollFeed, subscribeFetchedFeed } from "@/lib/ingest/poll-feed";
import { MAX_UPLOAD_BYTES, formatMegabytes } from "@/lib/admin-upload-limits";

function back(params: Record<string, string>): never {
  redirect(`/admin?${new URLSearchParams(params).toString()}`);
}

function failure(error: unknown): never {
  back({ error: toErrorBody(error).body.error.message });
}

const ingestOptions = () => ({ allowPrivateHosts: getEnv().INGEST_ALLOW_PRIVATE_HOSTS });

export async function logIn(formData: FormData): Promise<void> {
  const token = z.string().max(500).safeParse(formData.get("token"));
  const verdict = checkAdminToken(token.success ? token.data : null);
  if (verdict !== "ok") back({ error: verdict === "disabled" ? "Writes are disabled on this server." : "That admin token is not valid." });
  const name = z.string().trim().max(80).safeParse(formData.get("name") ?? "");
  const session = await startAdminSession(getDb(), getEnv().ADMIN_TOKEN!, new Date(), (name.success && name.data) || null);
  (await cookies()).set(ADMIN_COOKIE, session, {
    httpOnly: true,
    sameSite: "strict",
    path: "/",
    secure: getEnv().PUBLIC_URL?.startsWith("https:") === true,
    maxAge: ADMIN_SESSION_TTL_SECONDS,
  });
  back({});
}

export async function logOut(): Promise<void> {
  const jar = await cookies();
  const cookie = jar.get(ADMIN_COOKIE)?.value;
  const adminToken = getEnv().ADMIN_TOKEN;
  if (cookie && adminToken) await endAdminSession(getDb(), cookie, adminToken);
  jar.delete(ADMIN_COOKIE);
  back({});
}

const ZUpload = z.instanceof(File).refine((file) => file.size <= MAX_UPLOAD_BYTES, `the file is larger than ${formatMegabytes(MAX_UPLOAD_BYTES)}`);

export async function ingestPasteAction(formData: FormData): Promise<void> {
  let runId: number;
  try {
    await requireAdmin();
    const upload = formData.get("file");
    const label = String(formData.get("label") ?? "").trim() || undefined;
    if (upload instanceof File && upload.size > 0) {
      // A file may be a feed, gzip-compressed or in UTF-16/32: the same door as the command line's.
      const file = ZUpload.parse(upload);
      const bytes = new Uint8Array(await file.arrayBuffer());
      runId = (await writeThenExpire("server-action", () => ingestFile(getDb(), bytes, label ?? file.name, ingestOptions()))).runId;
    } else {
      const request = ZIngestRequest.parse({ kind: "paste", text: String(formData.get("text") ?? ""), label });
      runId = (await writeThenExpire("server-action", () => runIngestRequest(getDb(), request, ingestOptions()))).runId;
    }
  } catch (error) {
    failure(error);
  }
  back({ run: String(runId) });
}

export async function ingestUrlAction(formData: FormData): Promise<void> {
  let runId: number;
  try {
    await requireAdmin();
    const request = ZIngestRequest.parse({ kind: formData.get("kind") === "feed" ? "feed" : "url", url: String(formData.get("url") ?? "").trim() });
    runId = (await writeThenExpire("server-action", () => runIngestRequest(getDb(), request, ingestOptions()))).runId;
  } catch (error) {
    failure(error);
  }
  back({ run: String(runId) });
}


export async function pollFeedAction(formData: FormData): Promise<void> {
  let runId: number;
  try {
    await requireAdmin();
    const feedId = ZRowId.parse(formData.get("id"));
    runId = (await writeThenExpire("server-action", () => pollFeed(getDb(), feedId, ingestOptions()))).runId;
  } catch (error) {
    failure(error);
  }
  back({ run: String(runId) });
}

export async function removeFeedAction(formData: FormData): Promise<void> {
  try {
    await requireAdmin();
    const feedId = ZRowId.parse(formData.get("id"));
    await writeThenExpire("server-action", () => getDb().feed.delete({ where: { id: feedId } }));
  } catch (error) {
    failure(error);
  }
  back({ notice: "Feed removed. Its articles stay on the timeline." });
}

export async function addFeedAction(formData: FormData): Promise<void> {
  try {
    await requireAdmin();
    const url = z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).parse(String(formData.get("url") ?? "").trim());
    await writeThenExpire("server-action", () => subscribeFetchedFeed(getDb(), url, ingestOptions()));
  } catch (error) {
    failure(error);
  }
  back({ notice: "Feed added. It is polled on the next pass, or now with “Poll now”." });
}

export async function importOpmlAction(formData: FormData): Promise<void> {
  let message: string;
  try {
    await requireAdmin();
    const file = ZUpload.parse(formData.get("file"));
    const opml = await file.text();
    const result = await writeThenExpire("server-action", () => importOpml(getDb(), opml));
    message = `Subscribed to ${result.subscribed} feed(s)${result.failed.length ? `; ${result.failed.length} failed: ${result.failed.map((entry) => entry.url).join(", ")}` : ""}.`;
  } catch (error) {
    failure(error);
  }
  back({ notice: message });
}
