import { useLocale, useTranslations } from "next-intl";
import { formatCount } from "@/lib/i18n/format-template";
import { Fragment } from "react";
import { partSeparator, type LinePart } from "@/lib/present/drug";

/**
 * A line of payload values with Care Desk's words around them, on screen and on paper, in the
 * page's language. Each value is its own bidirectional isolate (<bdi>, whose direction is auto),
 * so Arabic values shape and read right to left without reordering the line, and a value is
 * always shown exactly as sent (the number of days only chooses the word's plural form).
 */
export function LineParts({ parts }: { parts: LinePart[] }) {
  const t = useTranslations("drug");
  const locale = useLocale();
  return parts.map((part, index) => {
    const label = part.labelKey ? t(part.labelKey) : part.label;
    const count = Number(part.value);
    const unit = part.unitKey === "days" ? formatCount(t, locale, "days", Number.isSafeInteger(count) ? count : 2) : part.unitKey ? t(part.unitKey) : part.unit;
    return (
      <Fragment key={index}>
        {index > 0 ? partSeparator : null}
        {/* No-break spaces keep Care Desk's words ("for", "days") on the line of their value. */}
        {label ? `${label}\u00a0` : null}
        <bdi dir="auto">{part.value}</bdi>
        {unit ? `\u00a0${unit}` : null}
      </Fragment>
    );
  });
}
