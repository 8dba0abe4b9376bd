import Link from "next/link";
import { useTranslations } from "next-intl";
import type { AuditEventDto } from "@/lib/schemas/audit-query";
import { LocalTime } from "../local-time";
import { ActionName, ActorText } from "./audit-table";

/** The admin's "who opened this" panel on a consultation page: its latest openings. */
export function WhoOpened({ openings, consultationId, timeZone }: { openings: AuditEventDto[]; consultationId: number; timeZone: string }) {
  const t = useTranslations("audit.whoOpened");
  return (
    <section aria-labelledby="who-opened-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="who-opened">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="who-opened-heading" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <Link href={`/audit?consultation=${consultationId}`} prefetch={false} className="text-sm text-sky-800 underline">
          {t("all")}
        </Link>
      </div>
      <ul className="divide-y divide-slate-100 text-sm">
        {openings.map((event) => (
          <li key={event.seq} className="flex flex-wrap gap-x-3 py-1.5">
            <LocalTime utc={event.at} timeZone={timeZone} className="text-slate-700" />
            <span className="font-medium">
              <ActorText event={event} />
            </span>
            <span>
              <ActionName action={event.action} />
            </span>
            {event.recommendationId !== null ? <span className="text-slate-600">{t("recommendation", { id: String(event.recommendationId) })}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
