/**
 * "←" pointing back (and "→" forward) in the reading direction: flipped in right-to-left pages,
 * where back is to the right. Left in the accessible name ("← Previous"), as it always was.
 */
export function Arrow({ to }: { to: "back" | "forward" }) {
  return (
    <span className="inline-block rtl:-scale-x-100">
      {to === "back" ? "←" : "→"}
    </span>
  );
}
