// Trains the attribution tagger on PolNeAR train records and writes weights.json.
// npm run train -- <train.jsonl> [--slice train|all|dev-train] [--epochs N] [--out F] [--eval dev|heldout|none]
//   [--min-weight Q] [--prune W.json]
//   train = every fold but the held-out fold 0 (the committed model); dev-train = also without the
//   dev fold 1, for tuning on it. --min-weight drops feature rows whose every quantized weight is
//   below Q (default 20 = 2.0); --prune W.json applies it to trained weights instead of training
//   (same rows as training with that --min-weight, and a fresh selfCheck).
import { readFileSync, writeFileSync } from "node:fs";
import { AttributionTagger, TAG_COUNT, ZModelWeights, type TModelWeights } from "@/lib/extract/model/model";
import { DEV_FOLD, foldOf, FOLD_SEED, FOLDS, HELDOUT_FOLD, loadPolnear, sliceRecords } from "./polnear";
import { evaluate, examplesOf, prune, quantize, selfCheck, train } from "./tagger-training";

function parseArgs(argv: readonly string[]): { data: string; opts: Map<string, string> } {
  const opts = new Map<string, string>();
  let data: string | null = null;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? "";
    if (arg.startsWith("--")) {
      const value = argv[i + 1];
      if (value === undefined) throw new Error(`option ${arg} needs a value`);
      opts.set(arg.slice(2), value);
      i += 1;
    } else if (data === null) data = arg;
    else throw new Error(`unexpected argument ${arg}`);
  }
  if (!data) throw new Error("usage: train <train.jsonl> [--slice train|all|dev-train] [--epochs N] [--out F] [--eval dev|heldout|none]");
  return { data, opts };
}

function write(out: string, weights: TModelWeights): void {
  const { rows, ...meta } = weights;
  // A pruned model is another model: its selfCheck is measured afresh (it replaces the old one).
  const head = JSON.stringify({ ...meta, selfCheck: selfCheck(new AttributionTagger(weights)) }, null, 1);
  // Metadata readable at the top, the rows on one line after it.
  writeFileSync(out, `${head.slice(0, -2)},\n "rows": ${JSON.stringify(rows)}\n}\n`);
}

function main(): void {
  const { data, opts } = parseArgs(process.argv.slice(2));
  const slice = opts.get("slice") ?? "train";
  const epochs = Number(opts.get("epochs") ?? 6);
  const out = opts.get("out") ?? "lib/extract/model/weights.json";
  const evalOn = opts.get("eval") ?? "none";
  const minWeight = opts.has("min-weight") ? Number(opts.get("min-weight")) : undefined;
  if (minWeight !== undefined && !(minWeight > 0)) throw new Error("--min-weight must be a positive number");
  const log = (s: string): void => void process.stderr.write(`${s}\n`);
  const records = loadPolnear(data);
  const from = opts.get("prune");
  let weights: TModelWeights;
  if (from) {
    if (minWeight === undefined) throw new Error("--prune needs --min-weight");
    weights = prune(ZModelWeights.parse(JSON.parse(readFileSync(from, "utf8"))), minWeight);
  } else {
    const trainSet =
      slice === "dev-train"
        ? records.filter((r) => ![HELDOUT_FOLD, DEV_FOLD].includes(foldOf(r.article)))
        : slice === "all" || slice === "train"
          ? sliceRecords(records, slice)
          : null;
    if (!trainSet) throw new Error(`unknown --slice ${slice}`);
    if (!Number.isInteger(epochs) || epochs < 1) throw new Error("--epochs must be a positive integer");
    const examples = examplesOf(trainSet);
    log(`${trainSet.length} records, ${examples.length} paragraphs`);
    const { w, trans } = train(examples, epochs, log);
    const folds =
      slice === "all" ? "all folds" : slice === "train" ? `folds ≠ ${HELDOUT_FOLD} of ${FOLDS}` : `folds ∉ {${HELDOUT_FOLD},${DEV_FOLD}} of ${FOLDS}`;
    const meta = {
      trainedOn: `PolNeAR train (${new Set(trainSet.map((r) => r.article)).size} articles, ${trainSet.length} records)`,
      trainedAt: new Date().toISOString().slice(0, 10),
      folds,
      seed: FOLD_SEED,
      epochs,
    };
    weights = quantize(w, trans, meta, undefined, minWeight);
  }
  write(out, weights);
  log(`wrote ${out}: ${weights.rows.length / (TAG_COUNT + 1)} feature rows`);
  if (evalOn !== "none") {
    const evalSet = sliceRecords(records, evalOn === "heldout" ? "heldout" : "dev");
    const m = evaluate(new AttributionTagger(weights), evalSet);
    log(`${evalOn}: content@0.8 P=${m.p.toFixed(3)} R=${m.r.toFixed(3)} F1=${m.f1.toFixed(3)}  source acc ${m.src.toFixed(3)}`);
  }
}

main();
