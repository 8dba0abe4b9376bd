// Calling a running server (`next start`) as a browser or curl would: signing in through
// better-auth's endpoint, and any server action by its exported name (read from the build's
// manifest), with React's wire format for its arguments.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { RunningServer } from "./next-server";
import type { TestUser } from "./users";

const root = path.resolve(import.meta.dirname, "../..");

/** Every server action in the build: its exported name → its id. */
export function actionIds(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName: string }>;
  };
  return new Map(Object.entries(manifest.node).map(([id, action]) => [action.exportedName, id]));
}

export type ActionArgs = { json: unknown[] } | { form: Record<string, string> };

export function serverActions(server: RunningServer) {
  const ids = actionIds();
  /**
   * Calls a server action as the page `page` would (a FormData argument's fields come first,
   * prefixed with its part id) and reads its whole answer: the action has run to its end.
   */
  return async (name: string, page: string, args: ActionArgs, headers: Record<string, string> = {}): Promise<{ status: number; text: string; headers: Headers }> => {
    const id = ids.get(name);
    if (!id) throw new Error(`no server action ${name} in the build`);
    const body = new FormData();
    if ("form" in args) {
      for (const [key, value] of Object.entries(args.form)) body.append(`_1_${key}`, value);
      body.append("0", JSON.stringify([null, "$K1"]));
    } else {
      body.append("0", JSON.stringify(args.json));
    }
    const response = await fetch(`${server.url}${page}`, { method: "POST", redirect: "manual", headers: { "next-action": id, accept: "text/x-component", ...headers }, body });
    return { status: response.status, text: await response.text(), headers: response.headers };
  };
}

/** Signs in through /api/auth/sign-in/email; the Cookie header of the session (empty when refused) and the response. */
export async function signInOver(server: RunningServer, user: Pick<TestUser, "email" | "password">, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url, ...headers },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  const cookie = response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
  return { response, cookie };
}
