// ESLint rule `care-desk/client-boundary`: a client component (a file whose first statements
// include the "use client" directive) never imports server code. File globs cannot say which
// files are client components, so the rule reads the directive itself. An import is refused
// when the module it names, resolved inside the project (`@/…` or a relative path), starts with
// `import "server-only"`, or matches one of the rule's `modules` patterns (project paths without
// extension: for modules that scripts also load, such as lib/env, and so cannot be marked
// server-only). `import type` is allowed: it is erased before anything is bundled.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const extensions = ["", ".ts", ".tsx", ".js", ".mjs", "/index.ts", "/index.tsx"];
const serverOnlyMarker = /^\s*import\s+["']server-only["']/m;
const markedCache = new Map();

function resolveInProject(source, filename, root) {
  let base;
  if (source.startsWith("@/")) base = path.join(root, source.slice(2));
  else if (source.startsWith(".")) base = path.resolve(path.dirname(filename), source);
  else return null;
  for (const extension of extensions) {
    const candidate = base + extension;
    if (existsSync(candidate) && !candidate.endsWith("/")) return candidate;
  }
  return null;
}

function isMarkedServerOnly(file) {
  if (!markedCache.has(file)) {
    let marked = false;
    try {
      marked = serverOnlyMarker.test(readFileSync(file, "utf8"));
    } catch {
      marked = false;
    }
    markedCache.set(file, marked);
  }
  return markedCache.get(file);
}

const isUseClient = (program) => {
  for (const statement of program.body) {
    if (statement.type !== "ExpressionStatement" || typeof statement.directive !== "string") return false;
    if (statement.directive === "use client") return true;
  }
  return false;
};

export const clientBoundary = {
  meta: {
    type: "problem",
    docs: { description: 'Client components ("use client") never import server-only modules.' },
    schema: [{ type: "object", properties: { modules: { type: "array", items: { type: "string" } } }, additionalProperties: false }],
    messages: {
      serverImport: 'A client component ("use client") must not import {{source}}: it is server code ({{why}}). Pass the data in as props from a server component, or fetch it from a route handler.',
    },
  },
  create(context) {
    if (!isUseClient(context.sourceCode.ast)) return {};
    const root = context.cwd;
    const patterns = (context.options[0]?.modules ?? []).map((pattern) => new RegExp(pattern));
    const check = (node, source, typeOnly) => {
      if (typeOnly || typeof source !== "string") return;
      let why = null;
      if (source === "server-only") why = "the server-only marker";
      else {
        const file = resolveInProject(source, context.filename, root);
        if (file) {
          const relative = path.relative(root, file).replace(/\\/g, "/").replace(/\.(tsx?|m?js)$/, "");
          if (patterns.some((pattern) => pattern.test(relative))) why = `${relative} is listed as server code in eslint.config.mjs`;
          else if (isMarkedServerOnly(file)) why = `${relative} imports "server-only"`;
        }
      }
      if (why) context.report({ node, messageId: "serverImport", data: { source, why } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value, node.importKind === "type"),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, node.exportKind === "type"),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === "type"),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value, false),
    };
  },
};
