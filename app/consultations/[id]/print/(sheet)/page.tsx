// GET /consultations/[id]/print — the printable prescription of a consultation (?paper=a5 for A5)
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getUiSettings } from "@/lib/i18n/settings";
import { PrescriptionSheet } from "@/components/print/prescription-sheet";
import { PrintToolbar } from "@/components/print/print-toolbar";
import { AuditUnavailable } from "@/components/audit-unavailable";
import { pageRule } from "@/lib/present/print-page-rule";
import { instanceName } from "@/lib/env";
import { requirePagePermission } from "@/lib/auth/caller";
import { currentAuditContext, recordBeforeShowing } from "@/lib/audit/record";
import { getPrescription } from "@/lib/data/print-prescription";
import { getRequestNonce } from "@/lib/http/request-nonce";
import { parseConsultationId } from "@/lib/schemas/ids";
import { parsePaperSize } from "@/lib/schemas/print-view";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseConsultationId((await params).id);
  const t = await getTranslations("print");
  return { title: id === null ? t("pageTitle") : t("pageTitleOf", { id: String(id) }) };
}

export default async function PrescriptionPrintPage({ params, searchParams }: Props) {
  const [{ id }, query, nonce] = await Promise.all([params, searchParams, getRequestNonce()]);
  const caller = await requirePagePermission("consultations:print", `/consultations/${id}/print`);
  const consultationId = parseConsultationId(id);
  const prescription = consultationId === null ? null : await getPrescription(caller, consultationId);
  if (!prescription) notFound();
  const paper = parsePaperSize(query.paper);
  const recommendation = prescription.recommendation;
  // The print view is an audit event, recorded before the prescription (with its pass code) is sent.
  const recorded = await recordBeforeShowing(caller, await currentAuditContext(), {
    action: "print.viewed",
    consultationId: prescription.consultation.id,
    recommendationId: recommendation?.id ?? null,
    detail: { paperSize: paper },
  });
  if (!recorded) return <AuditUnavailable what="prescription" />;
  const ui = await getUiSettings();

  return (
    <>
      <style nonce={nonce}>{pageRule(paper, prescription.consultation.id, ui)}</style>
      <PrintToolbar consultationId={prescription.consultation.id} paper={paper} printable={recommendation !== null} />
      <PrescriptionSheet prescription={prescription} instanceName={instanceName} paper={paper} />
    </>
  );
}
