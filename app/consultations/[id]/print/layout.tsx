// The print route's paper layout: the Arabic typeface and the print stylesheet (app chrome
// hidden on paper), without touching the app's root layout.
import { printArabic } from "@/components/print/fonts";
import "./print.css";

export default function PrintLayout({ children }: { children: React.ReactNode }) {
  return <div className={`print-root ${printArabic.variable}`}>{children}</div>;
}
