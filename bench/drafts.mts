/**
 * npm run bench:drafts — the draft reader measured on the corpus (tests/fixtures/drafts):
 * accuracy per field, precision and recall of the follow-up candidates and the lists.
 *   --misses   list every miss
 *   --show X   print the draft of the text X (no evidence)
 *   --only fr  only the texts whose expected file says "language": "fr" (or en)
 *   --held-out only the texts written after the reader was finished ("heldOut": true); --tuned the others
 */
import { extractMeetingDraft } from "@/lib/drafts/extract";
import { references } from "../tests/fixtures/drafts/references";
import { corpus, report, score } from "./drafts-score";

const args = process.argv.slice(2);
const show = args.includes("--show") ? args[args.indexOf("--show") + 1] : undefined;
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
const texts = corpus()
  .filter((t) => !only || (t.expected.language ?? "en") === only)
  .filter((t) => (args.includes("--held-out") ? t.expected.heldOut : args.includes("--tuned") ? !t.expected.heldOut : true));
if (show) {
  const t = texts.find((x) => x.name === show);
  if (!t) throw new Error(`no text ${show}`);
  const { evidence: _e, ...draft } = extractMeetingDraft(t.text, references);
  console.log(JSON.stringify(draft, null, 2));
} else {
  const s = score(texts);
  console.log(report(s));
  if (args.includes("--misses")) console.log(`\nMisses:\n${s.misses.map((m) => `- ${m}`).join("\n") || "(none)"}`);
}
