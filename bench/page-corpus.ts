// Reads a folder of test pages with their expected text, in either public layout:
// readability — <dir>/<name>/{source.html, expected.html, expected-metadata.json} (mozilla/readability);
// newspaper — <dir>/html/<name>.html and <dir>/text/<name>.txt (codelucas/newspaper tests/data).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { htmlToText } from "@/lib/ingest/sanitize-html";

export type TPageFormat = "readability" | "newspaper";

export type TTestPage = {
  name: string;
  html: string;
  expectedText: string;
  /** The page's publication date as the corpus states it, or null when it states none. */
  expectedPublished: string | null;
};

const ZReadabilityMetadata = z.object({ publishedTime: z.string().nullish() }).loose();

export function detectPageFormat(dir: string): TPageFormat {
  return existsSync(join(dir, "html")) && existsSync(join(dir, "text")) ? "newspaper" : "readability";
}

function readReadabilityPages(dir: string): TTestPage[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "source.html")))
    .map((entry) => {
      const folder = join(dir, entry.name);
      const metadataPath = join(folder, "expected-metadata.json");
      const metadata = existsSync(metadataPath)
        ? ZReadabilityMetadata.parse(JSON.parse(readFileSync(metadataPath, "utf8")))
        : { publishedTime: null };
      return {
        name: entry.name,
        html: readFileSync(join(folder, "source.html"), "utf8"),
        expectedText: htmlToText(readFileSync(join(folder, "expected.html"), "utf8")),
        expectedPublished: metadata.publishedTime ?? null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

// newspaper's text folder also holds its authors' notes on pages it fails ("EXTRACTED NOTHING",
// "MISSED LAST PARAGRAPH") and empty files; neither is expected text, so those pages are skipped.
function isExpectedText(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length > 0 && !/^[A-Z0-9\s,.'"*#()!?&/-]+$/.test(trimmed);
}

function readNewspaperPages(dir: string): TTestPage[] {
  const pages: TTestPage[] = [];
  for (const file of readdirSync(join(dir, "html")).filter((f) => f.endsWith(".html")).sort()) {
    const name = file.slice(0, -".html".length);
    // The language samples pair html/<lang>_article<n>.html with text/<lang><n>.txt.
    const textPath = [join(dir, "text", `${name}.txt`), join(dir, "text", `${name.replace("_article", "")}.txt`)].find(existsSync);
    if (!textPath) continue;
    const expectedText = readFileSync(textPath, "utf8");
    if (!isExpectedText(expectedText)) continue;
    pages.push({ name, html: readFileSync(join(dir, "html", file), "utf8"), expectedText, expectedPublished: null });
  }
  return pages;
}

export function readTestPages(dir: string, format: TPageFormat = detectPageFormat(dir)): TTestPage[] {
  return format === "newspaper" ? readNewspaperPages(dir) : readReadabilityPages(dir);
}
