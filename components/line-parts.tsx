import { Fragment } from "react";
import { partSeparator, type LinePart } from "@/lib/present/drug";

/**
 * A line of payload values with Care Desk's words around them, on screen and on paper. Each
 * value is its own bidirectional isolate (<bdi>, whose direction is auto), so Arabic values
 * shape and read right to left without reordering the line.
 */
export function LineParts({ parts }: { parts: LinePart[] }) {
  return parts.map((part, index) => (
    <Fragment key={index}>
      {index > 0 ? partSeparator : null}
      {/* No-break spaces keep Care Desk's words ("for", "days") on the line of their value. */}
      {part.label ? `${part.label}\u00a0` : null}
      <bdi dir="auto">{part.value}</bdi>
      {part.unit ? `\u00a0${part.unit}` : null}
    </Fragment>
  ));
}
