import { describe, expect, it } from "vitest";
import { signInRedirectFor } from "./sign-in-redirect";

const browser = { method: "GET", search: "", accept: "text/html,application/xhtml+xml,*/*;q=0.8", cookieNames: [] as string[] };

describe("the convenience redirect to /sign-in", () => {
  it("sends a browser without a session cookie to /sign-in with where it was going", () => {
    expect(signInRedirectFor({ ...browser, pathname: "/consultations/72", search: "?paper=a5" })).toBe("/sign-in?next=%2Fconsultations%2F72%3Fpaper%3Da5");
    expect(signInRedirectFor({ ...browser, pathname: "/" })).toBe("/sign-in");
  });

  it("lets a browser with either session cookie through", () => {
    expect(signInRedirectFor({ ...browser, pathname: "/consultations", cookieNames: ["tz", "care-desk.session_token"] })).toBeNull();
    expect(signInRedirectFor({ ...browser, pathname: "/consultations", cookieNames: ["__Secure-care-desk.session_token"] })).toBeNull();
    expect(signInRedirectFor({ ...browser, pathname: "/consultations", cookieNames: ["session_token"] })).toBe("/sign-in?next=%2Fconsultations");
  });

  it("leaves sign-in, setup, APIs, assets and non-HTML or non-GET requests alone", () => {
    for (const pathname of ["/sign-in", "/setup", "/api/consultations", "/api/webhooks", "/_next/static/chunks/a.js", "/robots.txt", "/icon.svg"]) {
      expect(signInRedirectFor({ ...browser, pathname }), pathname).toBeNull();
    }
    expect(signInRedirectFor({ ...browser, pathname: "/consultations", accept: "*/*" })).toBeNull();
    expect(signInRedirectFor({ ...browser, pathname: "/consultations", method: "POST" })).toBeNull();
  });

  it("never carries a next= that leaves this host", () => {
    expect(signInRedirectFor({ ...browser, pathname: "//evil.example" })).toBe("/sign-in");
  });
});
