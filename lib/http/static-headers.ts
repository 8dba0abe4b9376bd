// The headers every answer carries whatever made it: next.config.ts sends them on every path
// (the build's assets included), and the webhook receiver in front of Next.js, which Next.js
// never sees, adds them itself (lib/webhooks/front-receiver.ts).
export const staticHeaders: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  // proxy.ts sends these (and the CSP) on what it handles; here for the assets it skips.
  { key: "X-Robots-Tag", value: "noindex, nofollow" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];
