import Link from "next/link";

const toConsultations = { href: "/consultations", label: "Back to all consultations" };
const toDeliveries = { href: "/deliveries", label: "Back to webhook deliveries" };

/** What each not-found.tsx says, by what was not found. */
const messages = {
  page: { title: "Page not found", text: "There is no page at this address.", back: { href: "/consultations", label: "Go to consultations" } },
  consultations: { title: "Not found", text: "There is nothing at this address.", back: toConsultations },
  consultation: {
    title: "Consultation not found",
    text: "No webhook has told this instance about a consultation with this id. Consultations appear once Altibbi sends a status update or a recommendation for them.",
    back: toConsultations,
  },
  prescription: {
    title: "Consultation not found",
    text: "Care Desk has no consultation with this id, so there is no prescription to print.",
    back: toConsultations,
  },
  member: {
    title: "Member not found",
    text: "No consultation of this instance names a member with this id. Members appear once Altibbi sends a status update or a recommendation with their user id.",
    back: toConsultations,
  },
  deliveries: { title: "Not found", text: "There is nothing at this address.", back: toDeliveries },
  delivery: { title: "Delivery not found", text: "No request with this number was received.", back: toDeliveries },
};

/** The one not-found page: every not-found.tsx renders it for what it could not find. */
export function NotFoundMessage({ of }: { of: keyof typeof messages }) {
  const { title, text, back } = messages[of];
  return (
    <section aria-labelledby="not-found-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6">
      <h1 id="not-found-heading" className="text-xl font-semibold">
        {title}
      </h1>
      <p className="text-slate-700">{text}</p>
      <Link href={back.href} className="inline-block text-sky-800 underline">
        {back.label}
      </Link>
    </section>
  );
}
