// The no-jsx-prose rule (scripts/lint/no-jsx-prose.mjs) through ESLint's own Node API: prose in
// any page or component fails, codes and t() calls pass.
import { ESLint, type Linter } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

const lint = async (filePath: string, code: string): Promise<Linter.LintMessage[]> => (await eslint.lintText(code, { filePath }))[0]!.messages;
const prose = (messages: Linter.LintMessage[]) => messages.filter((message) => message.ruleId === "care-desk/no-jsx-prose");
const slow = { timeout: 60_000 };
const component = (jsx: string) => `import { useTranslations } from "next-intl";\nexport function Example({ id }: { id: number }) {\n  const t = useTranslations("audit");\n  return (${jsx});\n}\n`;

describe("user-facing text in JSX comes from the messages", () => {
  it.each([
    ["text between tags", "<p>Nothing has been recorded yet.</p>", "Nothing has been recorded yet."],
    ["a string child", '<p>{"Verify now"}</p>', "Verify now"],
    ["both sides of a condition", '<p>{id > 1 ? "Intact" : t("broken")}</p>', "Intact"],
    ["a template literal", "<p>{`Delivery ${id}`}</p>", "Delivery"],
    ["an aria-label", '<nav aria-label="Audit pages" />', "Audit pages"],
    ["an alt text in Arabic", '<img alt="رمز QR" src="x.png" />', "رمز QR"],
    ["a label prop", '<Pagination label={"Delivery pages"} first={null} prev={null} next={null} />', "Delivery pages"],
  ])("%s is an error", slow, async (_what, jsx, text) => {
    const messages = prose(await lint("components/audit/example.tsx", component(jsx)));
    expect(messages).toHaveLength(1);
    expect(messages[0]!.severity).toBe(2);
    expect(messages[0]!.message).toContain(text);
  });

  it.each([
    ["t() calls", '<p title={t("title")}>{t("intro")}</p>'],
    ["ids, punctuation and arrows", "<p>#{id} · — → ({id})</p>"],
    ["codes and keys", '<p><input placeholder="status_update" /> <span>{"cdk_"}</span></p>'],
    ["code inside <code>", "<p><code>npm run user:create</code></p>"],
    ["attributes nobody reads", '<p className="text-sm" data-testid="audit-table" />'],
  ])("%s are fine", slow, async (_what, jsx) => {
    expect(prose(await lint("components/audit/example.tsx", component(jsx)))).toEqual([]);
  });

  it("applies to every page and component", slow, async () => {
    expect(prose(await lint("components/task-board-client.tsx", component("<p>In status for</p>")))).toHaveLength(1);
    expect(prose(await lint("app/worklist/page.tsx", component("<p>Open tasks</p>")))).toHaveLength(1);
    expect(prose(await lint("components/consultation-table.tsx", component("<p>In status for</p>")))).toHaveLength(1);
    expect(prose(await lint("app/deliveries/(list)/page.tsx", component("<p>Webhook deliveries</p>")))).toHaveLength(1);
  });
});
