import { useTranslations } from "next-intl";
import { diffRecommendations } from "@/lib/recommendation-diff";
import type { RecommendationDto } from "@/lib/schemas/consultation";
import { ClientMessages } from "./client-messages";
import { DispensePanel } from "./dispense-panel";
import type { RevealDispense } from "./dispense-reveal";
import { RecommendationViewerClient } from "./recommendation-viewer-client";

type Props = {
  consultationId: number;
  /** Every version, newest first (lib/data). */
  recommendations: RecommendationDto[];
  /** The version to show; the current one when undefined. */
  version?: number;
  timeZone: string;
  /** The Reveal server action (consultation id, version) of the dispense block. */
  revealDispense: RevealDispense;
};

/**
 * The doctor's recommendation: the current version, or an earlier one with what changed. Picked
 * and compared here; drawn by the client part (./recommendation-viewer-client.tsx), which gets that one
 * version without its dispense values, and the dispense block rendered here.
 */
export function RecommendationViewer({ consultationId, recommendations, version, timeZone, revealDispense }: Props) {
  const t = useTranslations("recommendation");
  if (recommendations.length === 0) {
    return <p className="text-slate-600">{t("empty")}</p>;
  }
  const current = recommendations.find((rec) => rec.current) ?? recommendations[0]!;
  const shown = recommendations.find((rec) => rec.version === version) ?? current;
  const previous = recommendations.find((rec) => rec.version === shown.version - 1);
  const { dispense, ...values } = shown;
  return (
    <ClientMessages namespaces={["recommendation", "drug", "longText", "time"]}>
      <RecommendationViewerClient
        // First in the props: placed after the version's values, past React's 3,200-byte budget, it was deferred
        // to a later chunk and streamed as a segment of its own (checked: one more segment).
        dispense={<DispensePanel key={shown.version} dispense={dispense} printHref={`/consultations/${consultationId}/print`} reveal={revealDispense} consultationId={consultationId} version={shown.version} />}
        consultationId={consultationId}
        versions={recommendations.map((rec) => ({ id: rec.id, version: rec.version, current: rec === current }))}
        shown={{ ...values, current: shown === current }}
        changes={previous ? { previous: previous.version, changes: diffRecommendations(previous, shown) } : null}
        timeZone={timeZone}
      />
    </ClientMessages>
  );
}
