import { defineConfig, type Plugin } from 'vite';
import { formatProblem, validateKnowledgeFiles } from './widget/core/knowledge/validateKnowledge';
import { loadKnowledgeDir } from './scripts/loadKnowledgeDir';
import { writePlaygroundPage } from './scripts/playgroundPage';
import { defaultKnowledge } from './widget/core/knowledge/defaultKnowledge';
import { buildFallbackStrings } from './widget/embed/fallbackStrings';

/** Fails the build when knowledge/ has errors, with the same messages as `npm run knowledge:check`. */
function knowledgeCheck(dir = 'knowledge'): Plugin {
  return {
    name: 'kapchat-knowledge-check',
    buildStart() {
      const { files, problems } = loadKnowledgeDir(dir);
      const result = validateKnowledgeFiles(files, { partial: problems.length > 0 });
      const errors = [...problems, ...result.problems].filter((p) => p.severity === 'error');
      if (errors.length > 0) {
        this.error(`The knowledge has ${errors.length} error(s); the widget was not built.\n` + errors.map((p) => '  ' + formatProblem(p, { directory: dir })).join('\n'));
      }
    },
  };
}

/** After the playground's bundle: the self-contained `dist/playground.html` (see scripts/playgroundPage.ts). */
function playgroundPage(): Plugin {
  return {
    name: 'kapchat-playground-page',
    closeBundle() {
      writePlaygroundPage(process.cwd());
    },
  };
}

/**
 * `virtual:kapchat-fallback`: the loader's words and links (title, disclaimer, booking, contact,
 * crisis resources by country), read from the knowledge at build time so they are never retyped.
 */
function fallbackStrings(): Plugin {
  const id = 'virtual:kapchat-fallback';
  return {
    name: 'kapchat-fallback-strings',
    resolveId: (source) => (source === id ? '\0' + id : undefined),
    load: (resolved) => (resolved === '\0' + id ? `export default ${JSON.stringify(buildFallbackStrings(defaultKnowledge))};` : undefined),
  };
}

/**
 * Chromium's explicit compile hint (`//# allFunctionsCalledOnLoad`): the engine compiles every
 * function of the file with the file, instead of pre-parsing it then and compiling each function
 * at its first call. The loader's functions nearly all run before the launcher shows (measured
 * side by side with the reference: script → launcher about 9 → 7 ms of main thread); the app's
 * run at its mount, warm-up and first answer, and a file that large is compiled off the main
 * thread while it streams in. Other browsers read a comment.
 */
function compileHint(): Plugin {
  return {
    name: 'kapchat-compile-hint',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk') chunk.code = '//# allFunctionsCalledOnLoad\n' + chunk.code;
    },
  };
}

/** One IIFE file per mode; `npm run build` builds them all, the loader first (it empties dist/). */
const ENTRIES: Record<string, { entry: string; name: string; file: string }> = {
  /** The loader every page embeds: launcher, shell, config, API. */
  production: { entry: 'widget/embed/main.ts', name: 'KapChatLoader', file: 'kap-chat.js' },
  /** The rest, fetched by the loader: UI, engine, the built-in knowledge. */
  app: { entry: 'widget/embed/appMain.ts', name: 'KapChatApp', file: 'kap-chat-app.js' },
  /** Fetched only with data-knowledge-url: the knowledge loader and validator. */
  validator: { entry: 'widget/embed/validatorMain.ts', name: 'KapChatValidator', file: 'kap-chat-validator.js' },
  /** demo/playground.html's bundle, which the widget never loads. */
  playground: { entry: 'widget/playground/main.tsx', name: 'KapChatPlayground', file: 'playground.js' },
};

/**
 * `npm run build`: `dist/kap-chat.js` (the loader), `dist/kap-chat-app.js` and
 * `dist/kap-chat-validator.js` (fetched by the loader from next to itself); and the playground's
 * bundle (`dist/playground.js`), which the widget never loads, with the playground as one
 * self-contained page (`dist/playground.html`).
 * Tests are configured in vitest.config.ts.
 */
export default defineConfig(({ mode }) => ({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [
    knowledgeCheck(process.env.KAPCHAT_KNOWLEDGE ?? 'knowledge'),
    fallbackStrings(),
    ...(mode === 'production' || mode === 'app' ? [compileHint()] : []),
    ...(mode === 'playground' ? [playgroundPage()] : []),
  ],
  // The knowledge as JSON.parse('…'): parsed faster than the same data as an object literal.
  json: { stringify: true },
  build: {
    outDir: 'dist',
    emptyOutDir: mode === 'production',
    target: 'es2020',
    minify: true,
    sourcemap: false,
    lib: { entry: ENTRIES[mode]!.entry, name: ENTRIES[mode]!.name, formats: ['iife'], fileName: () => ENTRIES[mode]!.file },
  },
}));
