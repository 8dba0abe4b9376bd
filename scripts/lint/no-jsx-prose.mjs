// ESLint rule `care-desk/no-jsx-prose`: user-facing words in JSX come from messages/*.json
// (next-intl's t()), never from string literals, so that every language gets them. It reports
// text between tags, string literals rendered as children, and the text of attributes people
// read (alt, title, placeholder, aria-label, and the label/caption/title props of our components)
// when they hold letters. Not prose, so allowed: text without letters (digits, punctuation,
// arrows: "#", "·", "—", "→"), codes and keys (`status_update`, `cdk_`, `/api/webhooks`: no spaces,
// no capital letter first), and anything inside <code>, <kbd> or <samp>. `allow` lists further
// exact strings (e.g. a product name).

const letters = /\p{L}/u;
/** One token with no spaces, not starting with a capital: an id, a key, a path, a code. */
const codeLike = /^[\p{Ll}\d_.:/@#?=&%+*-][^\s]*$/u;
const readAttributes = new Set(["alt", "title", "placeholder", "aria-label", "aria-description", "aria-placeholder", "aria-roledescription", "label", "caption", "heading", "what", "kind"]);
const codeElements = new Set(["code", "kbd", "samp"]);

const elementName = (node) => (node?.type === "JSXElement" && node.openingElement.name.type === "JSXIdentifier" ? node.openingElement.name.name : null);

function insideCode(node) {
  for (let current = node.parent; current; current = current.parent) {
    const name = elementName(current);
    if (name !== null && codeElements.has(name)) return true;
  }
  return false;
}

export const noJsxProse = {
  meta: {
    type: "problem",
    docs: { description: "User-facing text in JSX comes from the message catalogues (messages/*.json), not string literals." },
    schema: [{ type: "object", properties: { allow: { type: "array", items: { type: "string" } } }, additionalProperties: false }],
    messages: { prose: 'User-facing text "{{text}}" is not translated: put it in messages/en.json and messages/ar.json and render it with t() (docs/i18n.md).' },
  },
  create(context) {
    const allow = new Set(context.options[0]?.allow ?? []);
    const isProse = (text) => {
      const trimmed = text.replace(/\s+/g, " ").trim();
      return trimmed !== "" && letters.test(trimmed) && !codeLike.test(trimmed) && !allow.has(trimmed);
    };
    const report = (node, text) => context.report({ node, messageId: "prose", data: { text: text.replace(/\s+/g, " ").trim().slice(0, 60) } });
    const checkExpression = (node) => {
      if (!node) return;
      if (node.type === "Literal" && typeof node.value === "string") {
        if (isProse(node.value)) report(node, node.value);
      } else if (node.type === "TemplateLiteral") {
        const text = node.quasis.map((quasi) => quasi.value.cooked ?? "").join(" ");
        if (isProse(text)) report(node, text);
      } else if (node.type === "ConditionalExpression") {
        checkExpression(node.consequent);
        checkExpression(node.alternate);
      } else if (node.type === "LogicalExpression") {
        checkExpression(node.right);
      }
    };
    return {
      JSXText(node) {
        if (!insideCode(node) && isProse(node.value)) report(node, node.value);
      },
      JSXExpressionContainer(node) {
        if (node.parent?.type === "JSXAttribute" || insideCode(node)) return;
        checkExpression(node.expression);
      },
      JSXAttribute(node) {
        const name = node.name.type === "JSXIdentifier" ? node.name.name : null;
        if (name === null || !readAttributes.has(name) || !node.value) return;
        if (node.value.type === "Literal") {
          if (typeof node.value.value === "string" && isProse(node.value.value)) report(node.value, node.value.value);
        } else if (node.value.type === "JSXExpressionContainer") {
          checkExpression(node.value.expression);
        }
      },
    };
  },
};
