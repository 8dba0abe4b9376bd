import { useTranslations } from "next-intl";
import { presentText } from "@/lib/present/blank";
import type { RecommendationDto } from "@/lib/schemas/consultation";
import { LongText } from "./long-text";

/** The questions Altibbi documents, named in the "recommendation.noteLabels" messages; any other is shown as sent. */
const documentedQuestions = ["doctor_notes", "symptoms", "diagnosis", "fda_drug", "lab_codes"] as const;
const isDocumentedQuestion = (question: string): question is (typeof documentedQuestions)[number] => (documentedQuestions as readonly string[]).includes(question);

/** The doctor's post-call notes, grouped by question, in the order the questions first appear. */
export function PostCallNotes({ answers }: { answers: RecommendationDto["answers"] }) {
  const t = useTranslations("recommendation");
  const groups = new Map<string, string[]>();
  for (const { question, answer } of answers) {
    const text = presentText(answer);
    if (text === null) continue;
    const key = question ?? "";
    groups.set(key, [...(groups.get(key) ?? []), text]);
  }
  if (groups.size === 0) return <p className="text-sm text-slate-600">{t("none")}</p>;
  return (
    <dl className="space-y-3" data-testid="notes">
      {[...groups].map(([question, texts]) => (
        <div key={question}>
          <dt className="text-sm font-medium text-slate-700">
            {isDocumentedQuestion(question) ? t(`noteLabels.${question}`) : question === "" ? t("noteLabels.other") : <span className="font-mono" dir="auto">{question}</span>}
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
