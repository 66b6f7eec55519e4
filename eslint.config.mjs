// ESLint: Next's rules (React, react-hooks, import, a few jsx-a11y) and typescript-eslint's
// recommended set, through eslint-config-next; jsx-a11y's full recommended set on top, since every
// page must be usable with a keyboard and a screen reader. `npm run lint` also checks import cycles
// (dpdm). A rule is relaxed below only with the reason on its line.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import jsxA11y from "eslint-plugin-jsx-a11y";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  { files: ["**/*.{jsx,tsx}"], rules: jsxA11y.flatConfigs.recommended.rules },
  {
    rules: {
      // A leading underscore marks a value left out on purpose (`{ id: _id, ...rest }`).
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
      // `role` is also a prop of our own components (<RoleRefusal role="admin">), not an ARIA role there.
      "jsx-a11y/aria-role": ["error", { ignoreNonDOM: true }],
      // Scrollable tables are focusable regions so keyboard users can scroll them (axe: scrollable-region-focusable).
      "jsx-a11y/no-noninteractive-tabindex": ["error", { tags: [], roles: ["tabpanel", "region"], allowExpressionValues: true }],
      // Escape pressed on a control inside a popup region bubbles to the region, which closes it.
      "jsx-a11y/no-noninteractive-element-interactions": [
        "error",
        { handlers: ["onClick", "onMouseDown", "onMouseUp", "onKeyPress", "onKeyUp"] },
      ],
      // React Compiler diagnostics: the app does not run the compiler; kept visible as warnings, not gates.
      "react-hooks/set-state-in-effect": "warn",
      "react-hooks/refs": "warn",
      "react-hooks/immutability": "warn",
      "react-hooks/preserve-manual-memoization": "warn",
    },
  },
  // Layers (docs/architecture.md): the pure domain reaches no database; figures and db sit below the import.
  {
    files: ["lib/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/lib/db", "@/lib/db/*", "@/lib/generated/*", "pg"], message: "lib/domain is pure: no database." }] },
      ],
    },
  },
  {
    files: ["lib/figures/**", "lib/db/**", "lib/db.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/lib/import/*"], message: "lib/figures and lib/db sit below lib/import: move what is shared down." }] },
      ],
    },
  },
  // Test fixtures named use…() (useTestDb) are not React hooks.
  { files: ["tests/**", "**/*.test.ts"], rules: { "react-hooks/rules-of-hooks": "off" } },
  globalIgnores([
    "node_modules/**",
    ".next/**",
    ".next-e2e/**",
    ".next-bench/**",
    ".next-db-tests/**",
    "lib/generated/**",
    "test-results/**",
    "playwright-report/**",
    "tests/.tmp/**",
    "bench/data/**",
    ".data/**",
    "next-env.d.ts",
  ]),
]);
