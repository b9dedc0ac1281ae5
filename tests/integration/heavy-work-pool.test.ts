// Heavy ingestion work runs on worker threads: while a huge paste and a page built to be slow are
// being worked on, this process still answers HTTP requests (before the heavy items finish); an
// item over its time budget fails with a clear reason and the next item runs on a fresh thread.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HeavyWorkError, HeavyWorkPool } from "@/lib/ingest/heavy-work/pool";

const hugePaste = Array.from({ length: 100_000 }, (_u, i) => `line ${i} of the pasted log`).join("\n");
// htmlparser2 keeps its open-element stack with unshift, so parsing alone grows with depth².
const slowPage = `<html><body>${"<div>".repeat(100_000)}<p>bottom</p>${"</div>".repeat(100_000)}</body></html>`;

let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((_req, res) => res.end("ok"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("heavy work pool", () => {
  it("keeps the main thread answering while heavy items are pending", async () => {
    const pool = new HeavyWorkPool({ threads: 2, timeBudgetMs: 600_000, maxInputChars: 5_000_000, maxQueued: 10 });
    const events: string[] = [];
    const heavy = [
      pool.run({ kind: "extract", text: hugePaste, options: {} }).then(() => events.push("paste done"), () => events.push("paste stopped")),
      pool.run({ kind: "read-article", html: slowPage, url: "https://news.example/deep" }).then(() => events.push("page done"), () => events.push("page stopped")),
    ];
    for (let i = 0; i < 3; i += 1) {
      const response = await fetch(baseUrl);
      expect(await response.text()).toBe("ok");
      events.push("answered");
    }
    expect(events.slice(0, 3)).toEqual(["answered", "answered", "answered"]);
    await pool.close();
    await Promise.all(heavy);
  });

  it("fails an item over its time budget with a clear reason and runs the next on a new thread", async () => {
    const pool = new HeavyWorkPool({ threads: 1, timeBudgetMs: 1_000, maxInputChars: 5_000_000, maxQueued: 10 });
    const slow = pool.run({ kind: "read-article", html: slowPage, url: "https://news.example/deep" });
    const next = pool.run({ kind: "extract", text: 'Minister Jane Doe said "we will act now" on Monday.', options: {} });
    await expect(slow).rejects.toThrow(new HeavyWorkError("article reading took longer than 1 s; skipped"));
    const extraction = await next;
    expect(extraction.documents).toHaveLength(1);
    await pool.close();
  });

  it("refuses an input over the size budget without starting it", async () => {
    const pool = new HeavyWorkPool({ threads: 1, timeBudgetMs: 60_000, maxInputChars: 1_000_000, maxQueued: 10 });
    await expect(pool.run({ kind: "extract", text: "x".repeat(1_500_000), options: {} })).rejects.toThrow(/extraction skipped: the input is 1.5 MB, over the 1 MB limit/);
    await pool.close();
  });
});
