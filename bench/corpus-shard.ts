// Child process of the bulk loader: prepares every `step`-th corpus article of a range (from
// `offset`) and writes one JSON line per article to stdout, so extraction uses every core.
import { once } from "node:events";
import { corpusArticle } from "./corpus-articles";
import { prepareArticle } from "./corpus-prepare";

function readNumber(name: string): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = Number(at === -1 ? Number.NaN : process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer`);
  return value;
}

async function main(): Promise<void> {
  const from = readNumber("from");
  const count = readNumber("count");
  const step = Math.max(1, readNumber("step"));
  const offset = readNumber("offset");
  for (let index = from + offset; index < from + count; index += step) {
    const line = `${JSON.stringify(prepareArticle(corpusArticle(index)))}\n`;
    if (!process.stdout.write(line)) await once(process.stdout, "drain");
  }
}

// On success the process ends by itself once stdout is flushed (an early exit would cut the pipe).
main().catch(
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
