// Hostile but valid payload text: markup, SQL, spreadsheet formulas, bidi controls, zero-width
// characters and Arabic. Shared by the webhook validation tests (stored verbatim) and the CSV
// export tests (never a formula in a spreadsheet).
export const hostile = {
  html: `<script>alert("x")</script><img src=x onerror=alert(1)>`,
  sql: `'); DROP TABLE "Consultation"; --`,
  formula: `=HYPERLINK("http://evil.example","click")`,
  bidi: "\u202Eevil\u202C normal \u2066isolate\u2069",
  zeroWidth: "Para\u200Bcetamol\u200D",
  arabic: "باراسيتامول ٥٠٠ ملغ، مرتين يومياً بعد الأكل",
};

/** Every way a cell can start that a spreadsheet would run as a formula (or DDE command). */
export const formulaStarts = [
  hostile.formula,
  "+1+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(A1:A9)",
  "\t=1+1",
  "\r=1+1",
] as const;
