// The command line: JSON on stdout for a good file, one stderr line and a non-zero exit otherwise.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ZExtraction } from "@/lib/extract/types";
import { clientExamplePaste } from "./helpers";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const work = mkdtempSync(path.join(tmpdir(), "extract-cli-"));

function cli(args: string[], input?: string | Buffer): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/extract.ts", ...args], {
    cwd: root,
    input,
    encoding: "utf8",
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("extract CLI", { timeout: 120_000 }, () => {
  it("prints only the JSON for a file, with options applied", () => {
    const file = clientExamplePaste("japan-treaty-unfair");
    const r = cli([file, "--outlet", "Example News", "--url", "https://news.example/a", "--published-at", "2026-03-01T10:00:00Z"]);
    expect(r.status).toBe(0);
    const parsed = ZExtraction.parse(JSON.parse(r.stdout));
    expect(parsed.documents[0]?.outlet).toBe("Example News");
    expect(parsed.documents[0]?.publishedAt).toBe("2026-03-01T10:00:00Z");
  });

  it("reads stdin with -", () => {
    const r = cli(["-"], "Mayor Ann Holt said that the bridge would reopen.");
    expect(r.status).toBe(0);
    expect(ZExtraction.parse(JSON.parse(r.stdout)).documents[0]?.statements).toHaveLength(1);
  });

  it.each([
    ["a missing file", [path.join(work, "nope.txt")], undefined],
    ["empty text", ["-"], "  \n\t "],
    ["binary input", ["-"], Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe])],
    ["a bad option value", ["-", "--published-at", "yesterday"], "Text."],
    ["an unknown option", ["-", "--fast"], "Text."],
  ])("fails with one stderr line on %s", (_name, args, input) => {
    const r = cli(args, input);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^extract: /);
  });

  it("reads a saved HTML page as its article, with the page's outlet and date, not its markup", () => {
    const file = path.join(work, "page.html");
    const story = [
      "Mayor Ann Holt said on Tuesday that the Harbor Bridge would reopen to traffic by the end of the month.",
      "“We have done everything the engineers asked of us,” Holt told reporters at City Hall.",
      "Council member Ben Ortiz disputed that timeline, saying the inspections were far from finished.",
    ];
    writeFileSync(
      file,
      `<!doctype html><html><head><title>Bridge to reopen, mayor says</title><meta property="og:site_name" content="Harbor Daily">
      <meta property="article:published_time" content="2026-03-02T09:00:00Z"><script>var tracking = "pixel";</script></head>
      <body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Bridge to reopen, mayor says</h1>
      ${story.map((p) => `<p>${p}</p>`).join("\n")}</article><footer>Follow us on Twitter</footer></body></html>`,
    );
    const r = cli([file]);
    expect(r.status).toBe(0);
    const document = ZExtraction.parse(JSON.parse(r.stdout)).documents[0];
    expect(document?.outlet).toBe("Harbor Daily");
    expect(document?.publishedAt?.startsWith("2026-03-02")).toBe(true);
    const texts = document?.statements.map((statement) => statement.text) ?? [];
    expect(texts).toContain("We have done everything the engineers asked of us");
    expect(texts.join(" ")).not.toMatch(/pixel|<|Follow us/);
  });

  it("refuses a feed with a pointer to the command that ingests it", () => {
    const r = cli(["-"], `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><item><title>A</title><link>https://news.example/a</link></item></channel></rss>`);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^extract: input is a feed.*npm run ingest/);
  });

  it("refuses invalid UTF-8", () => {
    const file = path.join(work, "latin1.txt");
    writeFileSync(file, Buffer.from(Array.from({ length: 200 }, (_u, i) => (i % 2 === 0 ? 0xe9 : 0x41))));
    const r = cli([file]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/UTF-8/);
  });
});
