import Link from "next/link";
import { paperSizes, type PaperSize } from "@/lib/schemas/print-view";

const labels: Record<PaperSize, string> = { a4: "A4", a5: "A5" };

/** Chooses the paper size through the URL (?paper=a5), which sets the printed page's size. */
export function PaperSelector({ consultationId, paper }: { consultationId: number; paper: PaperSize }) {
  return (
    <nav aria-label="Paper size" className="flex items-center gap-2 text-sm">
      <span className="text-slate-700">Paper</span>
      <ul className="flex overflow-hidden rounded-md border border-slate-300">
        {paperSizes.map((size) => (
          <li key={size}>
            <Link
              href={size === "a4" ? `/consultations/${consultationId}/print` : `/consultations/${consultationId}/print?paper=${size}`}
              replace
              scroll={false}
              prefetch={false}
              aria-current={size === paper ? "page" : undefined}
              className={`block px-3 py-1.5 font-medium ${size === paper ? "bg-slate-900 text-white" : "bg-white text-slate-800 hover:bg-slate-100"}`}
            >
              {labels[size]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
