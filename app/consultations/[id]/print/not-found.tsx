import Link from "next/link";

export default function PrescriptionNotFound() {
  return (
    <section aria-labelledby="not-found-heading" className="mx-auto max-w-xl space-y-3 py-8">
      <h1 id="not-found-heading" className="text-2xl font-semibold">
        Consultation not found
      </h1>
      <p>Care Desk has no consultation with this id, so there is no prescription to print.</p>
      <p>
        <Link href="/" className="font-medium underline underline-offset-2">
          Back to the overview
        </Link>
      </p>
    </section>
  );
}
