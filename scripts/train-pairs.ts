// Trains the claim → response pair model on excerpt-keyed dispute gold and writes its weights.
// npm run train:pairs -- --gold <dir> --texts <dir> [--out F] [--folds 3] [--seed 20261201] [--date YYYY-MM-DD] [--l2 X]
// Deterministic: the same gold, texts and engine give the same weights file byte for byte.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { FIT, loadArticles, trainPairModel } from "@/lib/extract/pair-model/training";
import { runScript } from "./run-script";

const ZArgs = z.object({
  gold: z.string().min(1, "--gold <dir> is required"),
  texts: z.string().min(1, "--texts <dir> is required"),
  out: z.string().default(path.join("lib", "extract", "pair-model", "weights.json")),
  // Folds by outlet (from the gold file names); only gold without outlets falls back to this many article folds.
  folds: z.coerce.number().int().min(2).max(20).default(3),
  seed: z.coerce.number().int().default(20261201),
  date: z.iso.date().default(new Date().toISOString().slice(0, 10)),
  set: z.string().optional(),
  // L2 strength of the pair model: chosen by leave-outlet-out figures (bench/pairs-transfer.ts --l2).
  l2: z.coerce.number().min(0).default(FIT.l2),
});

runScript(async () => {
  const { values } = parseArgs({
    options: {
      gold: { type: "string", default: "" },
      texts: { type: "string", default: "" },
      out: { type: "string" },
      folds: { type: "string" },
      seed: { type: "string" },
      date: { type: "string" },
      set: { type: "string" },
      l2: { type: "string" },
    },
  });
  const parsed = ZArgs.safeParse(values);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("; "));
  const args = parsed.data;
  const articles = loadArticles(args.gold, args.texts);
  if (articles.length === 0) throw new Error(`no gold .json files in ${args.gold}`);
  const set = args.set ?? path.relative(process.cwd(), path.resolve(args.gold)).split(path.sep).join("/");
  const result = trainPairModel(articles, { set, date: args.date, seed: args.seed, folds: args.folds, fit: { ...FIT, l2: args.l2 } });
  writeFileSync(args.out, `${JSON.stringify(result.weights, null, 2)}\n`);
  const examples = articles.reduce((n, a) => n + a.examples.length, 0);
  const positives = articles.reduce((n, a) => n + a.examples.filter((e) => e.label === 1).length, 0);
  const fmt = (s: { p: number; r: number; f1: number; relationF1: number }): string =>
    `P=${s.p.toFixed(2)} R=${s.r.toFixed(2)} F1=${s.f1.toFixed(2)} relation-correct F1=${s.relationF1.toFixed(2)}`;
  console.log(`${articles.length} articles, ${examples} candidate responses (${positives} answer a gold claim the engine found)`);
  console.log(`rules alone:        ${fmt(result.rules)}`);
  console.log(`${result.weights.crossValidation?.folds ?? args.folds}-fold (by outlet): ${fmt(result.crossValidation)}`);
  console.log(`in-sample:          ${fmt(result.inSample)}`);
  console.log(`threshold ${result.weights.threshold}, one claim per response → ${args.out}`);
  await Promise.resolve();
});
