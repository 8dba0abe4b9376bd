// next-intl's types: every t("…") key is checked against messages/en.json (the parity test holds
// ar.json to the same keys).
import type en from "../../messages/en.json";

declare module "next-intl" {
  interface AppConfig {
    Messages: typeof en;
  }
}
