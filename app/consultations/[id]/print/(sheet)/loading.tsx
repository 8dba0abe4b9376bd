export default function PrescriptionLoading() {
  return (
    <p role="status" className="mx-auto w-[210mm] max-w-full py-8 text-slate-700">
      Preparing the prescription…
    </p>
  );
}
