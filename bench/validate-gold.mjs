// Checks gold annotation files (the format of ANNOTATION.md): every excerpt 4–25 words and found
// exactly once in its text, every speaker, mode, key and pair well formed.
// node bench/validate-gold.mjs --texts <root of the inputs> <dir-or-file>...
import fs from "node:fs"; import path from "node:path";
const args = process.argv.slice(2);
const textsAt = args.indexOf("--texts");
if (textsAt < 0 || !args[textsAt + 1]) { console.error("usage: node bench/validate-gold.mjs --texts <root> <dir-or-file>..."); process.exit(2); }
const TEXTS = args.splice(textsAt, 2)[1];
const files = args.flatMap((p) => fs.statSync(p).isDirectory() ? fs.readdirSync(p).filter((f) => f.endsWith(".json")).map((f) => path.join(p, f)) : [p]);
let bad = 0;
for (const f of files) {
  const problems = [];
  let g; try { g = JSON.parse(fs.readFileSync(f, "utf8")); } catch (e) { console.log(`${f}: invalid JSON ${e.message}`); bad++; continue; }
  const textPath = path.join(TEXTS, g.input ?? "");
  if (!g.input || !fs.existsSync(textPath)) { console.log(`${f}: input "${g.input}" not found under ${TEXTS}`); bad++; continue; }
  const text = fs.readFileSync(textPath, "utf8");
  const keys = new Map();
  for (const [di, d] of (g.documents ?? []).entries()) {
    if (!["article", "comment", "unknown"].includes(d.kind)) problems.push(`doc ${di}: kind ${d.kind}`);
    const names = new Set();
    for (const s of d.speakers ?? []) {
      names.add(s.name);
      if (!["person", "organization", "outlet", "commenter"].includes(s.kind)) problems.push(`speaker ${s.name}: kind ${s.kind}`);
      if (s.country !== null && !/^[A-Z]{2}$/.test(s.country ?? "")) problems.push(`speaker ${s.name}: country ${s.country}`);
    }
    for (const s of d.statements ?? []) {
      if (keys.has(s.key)) problems.push(`duplicate key ${s.key}`);
      keys.set(s.key, s);
      if (!names.has(s.speaker)) problems.push(`${s.key}: speaker "${s.speaker}" not in speakers`);
      if (!["direct", "indirect", "mixed"].includes(s.mode)) problems.push(`${s.key}: mode ${s.mode}`);
      const n = text.split(s.excerpt).length - 1;
      if (n !== 1) problems.push(`${s.key}: excerpt found ${n} times: "${s.excerpt}"`);
      const w = s.excerpt.trim().split(/\s+/).length;
      if (w < 4 || w > 25) problems.push(`${s.key}: excerpt has ${w} words (4–25)`);
    }
    for (const p of d.pairs ?? []) {
      const c = keys.get(p.claim), r = keys.get(p.response);
      if (!c || !r) { problems.push(`pair ${p.claim}→${p.response}: unknown key`); continue; }
      if (c.speaker === r.speaker) problems.push(`pair ${p.claim}→${p.response}: same speaker`);
      if (!["rebuts", "supports", "responds"].includes(p.relation)) problems.push(`pair ${p.claim}→${p.response}: relation ${p.relation}`);
    }
  }
  for (const ns of g.not_statements ?? []) if (!text.includes(ns)) problems.push(`not_statement not in text: "${ns}"`);
  if (problems.length) { bad++; console.log(`${f}:\n  ` + problems.join("\n  ")); }
}
console.log(`${files.length} files, ${bad} with problems`);
process.exit(bad ? 1 : 0);
