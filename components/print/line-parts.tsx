import { Fragment } from "react";
import { partSeparator, type LinePart } from "./drug-line";

/**
 * A line of labelled payload values. Each value is its own bidirectional isolate (<bdi>, whose
 * direction is auto), so Arabic values shape and read right to left without reordering the line.
 */
export function LineParts({ parts }: { parts: LinePart[] }) {
  return parts.map((part, index) => (
    <Fragment key={index}>
      {index > 0 ? partSeparator : null}
      {/* A no-break space keeps a label ("duration") on the line of its value. */}
      {part.label ? `${part.label}\u00a0` : null}
      <bdi dir="auto">{part.value}</bdi>
    </Fragment>
  ));
}
