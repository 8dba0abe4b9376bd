// Drives a sign-in at the test OpenID provider (tests/support/oidc-provider.ts) over HTTP as a
// browser would: its login form, its consent form, and every redirect, with a cookie jar.

export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute)) || pair!.slice(at + 1) === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair!.slice(at + 1));
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  names(): string[] {
    return [...this.cookies.keys()];
  }
}

const formAction = (html: string) => {
  const match = /<form[^>]*action="([^"]+)"/.exec(html);
  if (!match) throw new Error(`no form in the provider's page:\n${html.slice(0, 500)}`);
  return match[1]!.replace(/&amp;/g, "&");
};

/**
 * Follows the authorization URL through the provider's login (as `login`) and consent forms, and
 * returns the URL the provider sends the browser back to (Care Desk's callback with code and state).
 */
export async function signInAtProvider(authorizationUrl: string, login: string, callbackPrefix: string): Promise<string> {
  const jar = new CookieJar();
  let url = authorizationUrl;
  let init: RequestInit = {};
  for (let step = 0; step < 20; step++) {
    const response = await fetch(url, { ...init, redirect: "manual", headers: { ...(init.headers ?? {}), cookie: jar.header() } });
    jar.store(response.headers.getSetCookie());
    const location = response.headers.get("location");
    if (location) {
      const next = new URL(location, url).toString();
      if (next.startsWith(callbackPrefix)) return next;
      url = next;
      init = {};
      continue;
    }
    if (response.status !== 200) throw new Error(`provider answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
    const html = await response.text();
    const action = new URL(formAction(html), url).toString();
    const body = html.includes('name="login"') ? new URLSearchParams({ prompt: "login", login, password: "any password" }) : new URLSearchParams({ prompt: "consent" });
    url = action;
    init = { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } };
  }
  throw new Error("the provider did not send the browser back");
}
