import { presentText } from "@/lib/present/blank";
import type { RecommendationDto } from "@/lib/schemas/consultation";
import { LongText } from "./long-text";

/** Readable names for the questions Altibbi documents; any other is shown as sent. */
export const noteLabels: Record<string, string> = {
  doctor_notes: "Doctor's notes",
  symptoms: "Symptoms",
  diagnosis: "Diagnosis",
  fda_drug: "Medication",
  lab_codes: "Lab tests",
};

/** The doctor's post-call notes, grouped by question, in the order the questions first appear. */
export function PostCallNotes({ answers }: { answers: RecommendationDto["answers"] }) {
  const groups = new Map<string, string[]>();
  for (const { question, answer } of answers) {
    const text = presentText(answer);
    if (text === null) continue;
    const key = question ?? "";
    groups.set(key, [...(groups.get(key) ?? []), text]);
  }
  if (groups.size === 0) return <p className="text-sm text-slate-600">None.</p>;
  return (
    <dl className="space-y-3" data-testid="notes">
      {[...groups].map(([question, texts]) => (
        <div key={question}>
          <dt className="text-sm font-medium text-slate-700">
            {noteLabels[question] ?? (question === "" ? "Other notes" : <span className="font-mono" dir="auto">{question}</span>)}
          </dt>
          {texts.map((text, index) => (
            <dd key={index}>
              <LongText text={text} testId="note" />
            </dd>
          ))}
        </div>
      ))}
    </dl>
  );
}
