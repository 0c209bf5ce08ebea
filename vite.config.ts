import { defineConfig, type Plugin } from 'vite';
import { formatProblem, validateKnowledgeFiles } from './widget/core/knowledge/validateKnowledge';
import { loadKnowledgeDir } from './scripts/loadKnowledgeDir';
import { writePlaygroundPage } from './scripts/playgroundPage';

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
 * `npm run build`: one self-contained IIFE bundle, `dist/kap-chat.js`, with the default knowledge
 * inside; and the playground's bundle beside it (`dist/playground.js`), which the widget never loads,
 * with the playground as one self-contained page (`dist/playground.html`).
 * Tests are configured in vitest.config.ts.
 */
export default defineConfig(({ mode }) => ({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [knowledgeCheck(process.env.KAPCHAT_KNOWLEDGE ?? 'knowledge'), ...(mode === 'playground' ? [playgroundPage()] : [])],
  // The knowledge as JSON.parse('…'): parsed faster than the same data as an object literal.
  json: { stringify: true },
  build: {
    outDir: 'dist',
    emptyOutDir: mode !== 'playground',
    target: 'es2020',
    minify: true,
    sourcemap: false,
    lib:
      mode === 'playground'
        ? { entry: 'widget/playground/main.tsx', name: 'KapChatPlayground', formats: ['iife'], fileName: () => 'playground.js' }
        : { entry: 'widget/embed/main.ts', name: 'KapChatBundle', formats: ['iife'], fileName: () => 'kap-chat.js' },
  },
}));
