import { createConversation, createEngine, defaultKnowledge } from '../widget/core/index';
const engine = createEngine(defaultKnowledge);
const c = createConversation(engine);
for (const t of process.argv.slice(2)) { const r: any = c.ask(t); console.log(JSON.stringify(t), '→', r.route, r.entryId ?? '', JSON.stringify(r.debug ?? {}).slice(0, 300)); }
