// Command line for the extraction engine: prints the version-1 JSON of one text (file or stdin).
// A saved HTML page is read as ingestion reads it (its article text, outlet and date), not as text.
// npm run --silent extract -- <file|-> [--url U] [--outlet O] [--published-at ISO] [--engine rules|model|hybrid]
import { readFileSync } from "node:fs";
import { DEFAULT_ENGINE, ENGINES, extract } from "@/lib/extract";
import { ZExtractOptions, type TExtractOptions } from "@/lib/extract/types";
import { classifyBody } from "@/lib/ingest/classify-body";
import { ReadArticleError, readArticle } from "@/lib/ingest/readable-article";

const MAX_BYTES = 20 * 1024 * 1024;

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): { input: string; options: Record<string, string> } {
  const flags: Record<string, string> = { "--url": "url", "--outlet": "outlet", "--published-at": "publishedAt", "--engine": "engine" };
  const options: Record<string, string> = {};
  let input: string | null = null;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? "";
    const [flag, inline] = arg.startsWith("--") ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const key = flag ? flags[flag] : undefined;
    if (key) {
      const value = inline ?? argv[i + 1];
      if (inline === undefined) i += 1;
      if (value === undefined || value === "") throw new UsageError(`option ${flag} needs a value`);
      options[key] = value;
    } else if (arg.startsWith("--")) {
      throw new UsageError(`unknown option ${arg}`);
    } else if (input === null) {
      input = arg;
    } else {
      throw new UsageError(`unexpected argument ${arg}`);
    }
  }
  if (input === null) throw new UsageError("usage: extract <file|-> [--url U] [--outlet O] [--published-at ISO] [--engine rules|model|hybrid]");
  return { input, options };
}

function readInput(input: string): Buffer {
  if (input === "-") return readFileSync(0);
  try {
    return readFileSync(input);
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : "error";
    throw new UsageError(`cannot read ${input}: ${code}`);
  }
}

/** Decodes UTF-8 text and refuses what is plainly not text. */
function decodeText(bytes: Buffer): string {
  if (bytes.length > MAX_BYTES) throw new UsageError(`input is larger than ${MAX_BYTES} bytes`);
  if (bytes.includes(0)) throw new UsageError("input looks binary (contains NUL bytes)");
  const text = new TextDecoder("utf-8").decode(bytes);
  let replaced = 0;
  for (const ch of text) if (ch === "\uFFFD") replaced += 1;
  if (replaced > 0 && replaced / Math.max(1, text.length) > 0.01) throw new UsageError("input is not valid UTF-8 text");
  if (text.trim().length === 0) throw new UsageError("input is empty");
  return text;
}

/** The text to extract and the options that go with it: a page's own outlet, date and address fill what the command line left out. */
function articleInput(input: string, options: TExtractOptions): { text: string; options: TExtractOptions; title?: string } {
  switch (classifyBody(input, null)) {
    case "text":
      return { text: input, options };
    case "feed":
    case "xml":
      throw new UsageError("input is a feed or other XML, not an article: ingest it with npm run ingest");
    case "html": {
      try {
        const article = readArticle(input, options.url ?? "about:blank");
        const page = { url: article.canonicalUrl ?? undefined, outlet: article.outlet ?? undefined, publishedAt: article.publishedAt?.toISOString(), oneArticle: true };
        return { text: article.text, options: ZExtractOptions.parse({ ...page, ...options }), ...(article.title ? { title: article.title } : {}) };
      } catch (error) {
        if (error instanceof ReadArticleError) throw new UsageError(`input is HTML but not an article page: ${error.message}`);
        throw error;
      }
    }
  }
}

function main(): number {
  try {
    const { input, options: all } = parseArgs(process.argv.slice(2));
    const { engine = DEFAULT_ENGINE, ...options } = all;
    const chosen = ENGINES.find((e) => e === engine);
    if (!chosen) throw new UsageError(`option --engine must be one of ${ENGINES.join(", ")}`);
    const parsed = ZExtractOptions.safeParse(options);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UsageError(`invalid option ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "bad value"}`);
    }
    const article = articleInput(decodeText(readInput(input)), parsed.data);
    const extraction = extract(article.text, article.options, chosen);
    // A page's own title, as ingestion stores it, over a headline-like line of its text.
    const first = extraction.documents[0];
    if (first && article.title) first.title = article.title;
    process.stdout.write(`${JSON.stringify(extraction, null, 2)}\n`);
    return 0;
  } catch (error) {
    const message = error instanceof UsageError ? error.message : `extraction failed: ${error instanceof Error ? error.message : "unknown error"}`;
    process.stderr.write(`extract: ${message.replace(/\s+/g, " ")}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

process.exitCode = main();
