// Noto Sans Arabic for Arabic UI text, shipped with the app from an npm package (no font service).
// Its unicode-range covers Arabic code points only, so it sits after Geist in --font-sans
// (app/globals.css): Latin text keeps Geist, Arabic text (labels and payload values) gets Noto.
import localFont from "next/font/local";

export const arabicSans = localFont({
  src: "../node_modules/@fontsource-variable/noto-sans-arabic/files/noto-sans-arabic-arabic-wght-normal.woff2",
  weight: "100 900",
  style: "normal",
  variable: "--font-arabic",
  adjustFontFallback: false,
  declarations: [
    {
      prop: "unicode-range",
      value:
        "U+0600-06FF, U+0750-077F, U+0870-088E, U+0890-0891, U+0897-08E1, U+08E3-08FF, U+200C-200E, U+2010-2011, U+204F, U+2E41, U+FB50-FDFF, U+FE70-FE74, U+FE76-FEFC",
    },
  ],
});
