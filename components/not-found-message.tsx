import Link from "next/link";
import { useTranslations } from "next-intl";

const toConsultations = { href: "/consultations", label: "backToConsultations" } as const;
const toDeliveries = { href: "/deliveries", label: "backToDeliveries" } as const;

/** Where each not-found page sends the visitor back to; the words are in the "notFound" messages. */
const backs = {
  page: { href: "/consultations", label: "goToConsultations" },
  consultations: toConsultations,
  consultation: toConsultations,
  prescription: toConsultations,
  member: toConsultations,
  deliveries: toDeliveries,
  delivery: toDeliveries,
} as const;

/** The one not-found page: every not-found.tsx renders it for what it could not find. */
export function NotFoundMessage({ of }: { of: keyof typeof backs }) {
  const t = useTranslations("notFound");
  const back = backs[of];
  return (
    <section aria-labelledby="not-found-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6">
      <h1 id="not-found-heading" className="text-xl font-semibold">
        {t(`${of}.title`)}
      </h1>
      <p className="text-slate-700">{t(`${of}.text`)}</p>
      <Link href={back.href} className="inline-block text-sky-800 underline">
        {t(back.label)}
      </Link>
    </section>
  );
}
