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

  it("refuses invalid UTF-8", () => {
    const file = path.join(work, "latin1.txt");
    writeFileSync(file, Buffer.from(Array.from({ length: 200 }, (_u, i) => (i % 2 === 0 ? 0xe9 : 0x41))));
    const r = cli([file]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/UTF-8/);
  });
});
