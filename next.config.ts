import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { staticHeaders } from "./lib/http/static-headers";

// next-intl without i18n routing: no locale in URLs; lib/i18n/request.ts picks it per request.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() and app/forbidden.tsx: a signed-in role without a page's permission gets a real 403.
  experimental: { authInterrupts: true },
  // Native and WASM modules are loaded by Node at run time, not bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: staticHeaders,
      },
    ];
  },
};

export default withNextIntl(nextConfig);
