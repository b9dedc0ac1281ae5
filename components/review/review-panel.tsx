// The admin's review tools on a permalink: plain forms (server actions) inside <details>, so
// every correction is reachable with Tab and made with Enter or Space, without a mouse or script.
import Link from "next/link";
import type { ReactNode } from "react";
import { correctAction, undoAction } from "@/app/articles/[slug]/review-actions";
import type { TArticleReview } from "@/lib/queries/article-review";
import { Time } from "@/components/ui/format-time";

const field = "mt-1 block w-full rounded-md border border-zinc-400 bg-white px-2 py-1 text-sm text-zinc-900 dark:border-zinc-500 dark:bg-zinc-900 dark:text-zinc-100";
const button = "rounded-md bg-sky-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-sky-900 dark:bg-sky-300 dark:text-zinc-950";
const quiet = "rounded-md border border-zinc-500 px-3 py-1.5 text-sm font-semibold text-zinc-900 hover:bg-zinc-100 dark:text-zinc-100 dark:hover:bg-zinc-800";
const box = "space-y-2 rounded-md border border-zinc-300 p-3 dark:border-zinc-700";
const MODES = ["direct", "indirect", "mixed"] as const;
const RELATIONS = ["rebuts", "supports", "responds"] as const;
const clip = (text: string, max = 70) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

type TArticleInfo = { id: number; slug: string; text: string; title: string; outlet: string | null; publishedAt: Date | null };

function CorrectionForm({ article, kind, children, className }: { article: TArticleInfo; kind: string; children: ReactNode; className?: string }) {
  return (
    <form action={correctAction} className={className ?? "space-y-2"}>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="returnArticle" value={article.slug} />
      <input type="hidden" name="textOf" value={article.id} />
      {children}
    </form>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="block text-sm font-medium">
      {label}
      {children}
    </label>
  );
}

function SpeakerFields({ speakers, current, idPrefix }: { speakers: TArticleReview["speakers"]; current?: number | null; idPrefix: string }) {
  return (
    <>
      <Field label="Speaker">
        <select name="speakerId" defaultValue={current ? String(current) : "new"} className={field} id={`${idPrefix}-speaker`}>
          {speakers.map((speaker) => (
            <option key={speaker.id} value={speaker.id}>{speaker.name}</option>
          ))}
          <option value="new">Another speaker (type the name below)</option>
        </select>
      </Field>
      <Field label="Another speaker's name (when chosen above)">
        <input name="newSpeakerName" type="text" maxLength={200} className={field} />
      </Field>
      <Field label="Another speaker is a">
        <select name="newSpeakerKind" defaultValue="person" className={field}>
          <option value="person">person</option>
          <option value="organization">organization</option>
          <option value="outlet">outlet</option>
          <option value="commenter">commenter</option>
        </select>
      </Field>
    </>
  );
}

export function ReviewPanel({ article, review }: { article: TArticleInfo; review: TArticleReview }) {
  const ownIds = new Set(review.statements.map((statement) => statement.id));
  const claimChoices = [
    ...review.statements.map((s) => ({ id: s.id, label: `${s.speaker?.name ?? "Unattributed"}: ${clip(s.text)}` })),
    ...review.storyStatements.map((s) => ({ id: s.id, label: `${s.speaker?.name ?? "Unattributed"}: ${clip(s.text)} (in ${clip(s.article.title, 40)})` })),
  ];
  return (
    <section id="review" aria-labelledby="review-heading" className="space-y-5 rounded-lg border-2 border-sky-800 p-4 dark:border-sky-300">
      <h2 id="review-heading" className="text-lg font-semibold">Review this article</h2>
      <p className="text-sm">
        Only signed-in admins see this panel. Every change is recorded in the{" "}
        <Link href={`/admin/corrections?article=${article.id}`} className="underline underline-offset-2">corrections log</Link> and can be undone there.
      </p>

      <div className="grid gap-4 md:grid-cols-3">
        <CorrectionForm article={article} kind="article_review" className={box}>
          <input type="hidden" name="articleId" value={article.id} />
          <Field label="Review state">
            <select name="state" defaultValue={review.reviewState} className={field}>
              <option value="machine">machine (not checked)</option>
              <option value="reviewed">reviewed</option>
              <option value="disputed">disputed</option>
            </select>
          </Field>
          <button type="submit" className={button}>Set review state</button>
        </CorrectionForm>
        <CorrectionForm article={article} kind="article_fields" className={box}>
          <input type="hidden" name="articleId" value={article.id} />
          <Field label="Title"><input name="title" defaultValue={article.title} maxLength={200} className={field} /></Field>
          <Field label="Outlet"><input name="outlet" defaultValue={article.outlet ?? ""} maxLength={200} className={field} /></Field>
          <Field label="Date published"><input name="publishedAt" type="date" defaultValue={article.publishedAt?.toISOString().slice(0, 10) ?? ""} className={field} /></Field>
          <button type="submit" className={button}>Save title, outlet and date</button>
        </CorrectionForm>
        <CorrectionForm article={article} kind="article_hide" className={box}>
          <input type="hidden" name="articleId" value={article.id} />
          <input type="hidden" name="hidden" value={review.hidden ? "false" : "true"} />
          {review.hidden ? (
            <p className="text-sm">Hidden from the timeline and feeds{review.hiddenReason ? `: ${review.hiddenReason}` : ""}.</p>
          ) : (
            <Field label="Reason to hide (not news, duplicate…)"><input name="reason" maxLength={200} className={field} /></Field>
          )}
          <button type="submit" className={quiet}>{review.hidden ? "Show this article again" : "Hide this article"}</button>
        </CorrectionForm>
      </div>

      {review.orphaned.length > 0 ? (
        <div role="note" className="rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950 dark:bg-amber-950 dark:text-amber-50">
          <h3 className="font-semibold">Corrections that no longer find their place</h3>
          <ul className="list-disc pl-5 text-sm">
            {review.orphaned.map((row) => (
              <li key={row.id}>#{row.id} {row.summary} — {row.statusNote}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="space-y-2">
        <h3 className="font-semibold">Statements</h3>
        <ol className="space-y-2">
          {review.statements.map((statement, index) => (
            <li key={statement.id} className={box} data-testid="review-statement">
              <p className="text-sm">
                <span className="font-semibold">{statement.speaker?.name ?? "Unattributed"}</span> ({statement.mode}): “{clip(statement.text, 160)}”
                {statement.correctedAt ? <span className="ml-1 text-xs">· corrected <Time date={statement.correctedAt} /></span> : null}
              </p>
              <details>
                <summary className="cursor-pointer text-sm font-medium underline underline-offset-2">Correct statement {index + 1}</summary>
                <div className="mt-2 grid gap-3 md:grid-cols-2">
                  <CorrectionForm article={article} kind="statement_speaker" className={box}>
                    <input type="hidden" name="statementId" value={statement.id} />
                    <SpeakerFields speakers={review.speakers} current={statement.speaker?.id} idPrefix={`s${statement.id}`} />
                    <button type="submit" className={button}>Change speaker</button>
                  </CorrectionForm>
                  <div className="space-y-3">
                    <CorrectionForm article={article} kind="statement_mode" className={box}>
                      <input type="hidden" name="statementId" value={statement.id} />
                      <Field label="Mode">
                        <select name="mode" defaultValue={statement.mode} className={field}>
                          {MODES.map((mode) => <option key={mode} value={mode}>{mode}</option>)}
                        </select>
                      </Field>
                      <button type="submit" className={button}>Change mode</button>
                    </CorrectionForm>
                    <CorrectionForm article={article} kind="statement_span" className={box}>
                      <input type="hidden" name="statementId" value={statement.id} />
                      <Field label="Its words (copy them from the text)"><textarea name="words" defaultValue={statement.text} rows={2} className={field} /></Field>
                      <button type="submit" className={button}>Change words</button>
                    </CorrectionForm>
                    <CorrectionForm article={article} kind="statement_reject">
                      <input type="hidden" name="statementId" value={statement.id} />
                      <button type="submit" className={quiet}>Not a statement</button>
                    </CorrectionForm>
                  </div>
                </div>
              </details>
            </li>
          ))}
        </ol>
        <details className={box}>
          <summary className="cursor-pointer text-sm font-medium underline underline-offset-2">Add a missed statement</summary>
          <CorrectionForm article={article} kind="statement_add" className="mt-2 space-y-2">
            <input type="hidden" name="articleId" value={article.id} />
            <Field label="Its words (copy them from the text)"><textarea name="words" required rows={2} className={field} /></Field>
            <SpeakerFields speakers={review.speakers} idPrefix="add" />
            <Field label="Mode">
              <select name="mode" defaultValue="indirect" className={field}>
                {MODES.map((mode) => <option key={mode} value={mode}>{mode}</option>)}
              </select>
            </Field>
            <button type="submit" className={button}>Add statement</button>
          </CorrectionForm>
        </details>
      </div>

      <div className="space-y-2">
        <h3 className="font-semibold">Pairs</h3>
        <ul className="space-y-2">
          {review.pairs.map((pair) => (
            <li key={pair.id} className={box} data-testid="review-pair">
              <p className="text-sm">
                {pair.response.speaker?.name ?? "Unattributed"} “{clip(pair.response.text, 60)}” <strong>{pair.relation}</strong> {pair.claim.speaker?.name ?? "Unattributed"} “{clip(pair.claim.text, 60)}”
                {!ownIds.has(pair.claim.id) || !ownIds.has(pair.response.id) ? " (across articles)" : ""}
                {pair.correctedAt ? <span className="ml-1 text-xs">· corrected <Time date={pair.correctedAt} /></span> : null}
              </p>
              <div className="flex flex-wrap items-end gap-2">
                <CorrectionForm article={article} kind="pair_relation" className="flex items-end gap-2">
                  <input type="hidden" name="pairId" value={pair.id} />
                  <Field label="Relation">
                    <select name="relation" defaultValue={pair.relation} className={field}>
                      {RELATIONS.map((relation) => <option key={relation} value={relation}>{relation}</option>)}
                    </select>
                  </Field>
                  <button type="submit" className={button}>Change relation</button>
                </CorrectionForm>
                <CorrectionForm article={article} kind="pair_remove">
                  <input type="hidden" name="pairId" value={pair.id} />
                  <button type="submit" className={quiet}>Remove pair</button>
                </CorrectionForm>
              </div>
            </li>
          ))}
        </ul>
        <details className={box}>
          <summary className="cursor-pointer text-sm font-medium underline underline-offset-2">Add a missed pair</summary>
          <CorrectionForm article={article} kind="pair_add" className="mt-2 space-y-2">
            <Field label="Claim">
              <select name="claimId" className={field}>
                {claimChoices.map((choice) => <option key={choice.id} value={choice.id}>{choice.label}</option>)}
              </select>
            </Field>
            <Field label="Response (in this article)">
              <select name="responseId" className={field}>
                {review.statements.map((s) => <option key={s.id} value={s.id}>{`${s.speaker?.name ?? "Unattributed"}: ${clip(s.text)}`}</option>)}
              </select>
            </Field>
            <Field label="Relation">
              <select name="relation" defaultValue="rebuts" className={field}>
                {RELATIONS.map((relation) => <option key={relation} value={relation}>{relation}</option>)}
              </select>
            </Field>
            <button type="submit" className={button}>Add pair</button>
          </CorrectionForm>
        </details>
      </div>

      <div className="space-y-2">
        <h3 className="font-semibold">Speakers</h3>
        <ul className="space-y-2">
          {review.speakers.map((speaker) => (
            <li key={speaker.id} className={box} data-testid="review-speaker">
              <details>
                <summary className="cursor-pointer text-sm font-medium underline underline-offset-2">Correct speaker {speaker.name}</summary>
                <div className="mt-2 grid gap-3 md:grid-cols-2">
                  <CorrectionForm article={article} kind="speaker_rename" className={box}>
                    <input type="hidden" name="speakerId" value={speaker.id} />
                    <Field label="Name"><input name="name" defaultValue={speaker.name} required maxLength={200} className={field} /></Field>
                    <button type="submit" className={button}>Rename</button>
                  </CorrectionForm>
                  <CorrectionForm article={article} kind="speaker_details" className={box}>
                    <input type="hidden" name="speakerId" value={speaker.id} />
                    <Field label="Role"><input name="role" defaultValue={speaker.role ?? ""} maxLength={200} className={field} /></Field>
                    <Field label="Country (two letters)"><input name="country" defaultValue={speaker.country ?? ""} maxLength={2} className={field} /></Field>
                    <button type="submit" className={button}>Save role and country</button>
                  </CorrectionForm>
                  {review.speakers.length > 1 ? (
                    <CorrectionForm article={article} kind="speaker_merge" className={box}>
                      <input type="hidden" name="speakerId" value={speaker.id} />
                      <Field label={`Merge ${speaker.name} into`}>
                        <select name="intoSpeakerId" className={field}>
                          {review.speakers.filter((other) => other.id !== speaker.id).map((other) => <option key={other.id} value={other.id}>{other.name}</option>)}
                        </select>
                      </Field>
                      <button type="submit" className={button}>Merge speakers</button>
                    </CorrectionForm>
                  ) : null}
                  <CorrectionForm article={article} kind="speaker_split" className={box}>
                    <input type="hidden" name="speakerId" value={speaker.id} />
                    <Field label="Split off to a speaker named"><input name="name" required maxLength={200} className={field} /></Field>
                    <fieldset className="space-y-1 text-sm">
                      <legend className="font-medium">Statements that belong to them</legend>
                      {review.statements.filter((s) => s.speaker?.id === speaker.id).map((s) => (
                        <label key={s.id} className="flex gap-2"><input type="checkbox" name="statementIds" value={s.id} />{clip(s.text)}</label>
                      ))}
                    </fieldset>
                    <button type="submit" className={button}>Split speaker</button>
                  </CorrectionForm>
                </div>
              </details>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

export function UndoButton({ correctionId, returnArticle }: { correctionId: number; returnArticle?: string }) {
  return (
    <form action={undoAction}>
      <input type="hidden" name="correctionId" value={correctionId} />
      {returnArticle ? <input type="hidden" name="returnArticle" value={returnArticle} /> : null}
      <button type="submit" className={quiet}>Undo #{correctionId}</button>
    </form>
  );
}
