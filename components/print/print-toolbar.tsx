import Link from "next/link";
import { useTranslations } from "next-intl";
import { Arrow } from "../arrow";
import type { PaperSize } from "@/lib/schemas/print-view";
import { ClientMessages } from "../client-messages";
import { PaperSelector } from "./paper-selector";
import { PrintButton } from "./print-button";

type Props = { consultationId: number; paper: PaperSize; printable: boolean };

/** On screen only: back to the consultation, the paper size, and the Print button. */
export function PrintToolbar({ consultationId, paper, printable }: Props) {
  const t = useTranslations("print");
  return (
    <div
      className={`mx-auto mb-4 flex max-w-full flex-wrap items-center justify-between gap-3 print:hidden ${paper === "a5" ? "w-[148mm]" : "w-[210mm]"}`}
      data-testid="print-toolbar"
    >
      <Link href={`/consultations/${consultationId}`} prefetch={false} className="text-sm font-medium text-slate-800 underline underline-offset-2">
        <Arrow to="back" /> {t("back", { id: String(consultationId) })}
      </Link>
      {printable ? (
        <div className="flex items-center gap-4">
          <PaperSelector consultationId={consultationId} paper={paper} />
          <ClientMessages namespaces={["printButton"]}>
            <PrintButton />
          </ClientMessages>
        </div>
      ) : null}
    </div>
  );
}
