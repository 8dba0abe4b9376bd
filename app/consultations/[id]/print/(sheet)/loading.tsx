import { useTranslations } from "next-intl";

export default function PrescriptionLoading() {
  const t = useTranslations("print");
  return (
    <p role="status" className="mx-auto w-[210mm] max-w-full py-8 text-slate-700">
      {t("loading")}
    </p>
  );
}
