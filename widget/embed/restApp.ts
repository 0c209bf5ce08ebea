import { defaultKnowledge } from '../core';
import { createApp, prepareApp } from './createApp';
import { knowledgeMessages, warn } from './errorMessages';
import { warnInvalid } from './readConfig';
import type { RestApp } from './restTypes';

/**
 * What `kap-chat-app.js` hands the loader: the app with the built-in knowledge, mounted stepwise
 * (see `AppOptions.stepwise`). It writes the `KapChat:` warning for each attribute the loader could
 * not use, and, with `data-knowledge-url`, swaps in the practice's knowledge once the validator the
 * loader fetched has checked it: the loader carries none of those messages.
 */
export function createRestApp(): RestApp {
  return {
    defaultKnowledge,
    prepare: prepareApp,
    mount: ({ invalid = [], validator, ...options }) => {
      warnInvalid(invalid);
      const app = createApp({ ...options, knowledge: defaultKnowledge, stepwise: true });
      const url = options.config.knowledgeUrl;
      if (!url || !validator) return app;
      let destroyed = false;
      void Promise.resolve(validator.file).then(
        (v) => v.useKnowledge(url, defaultKnowledge).then((knowledge) => knowledge && !destroyed && app.applyKnowledge(knowledge)),
        (error: Error) => !destroyed && warn(knowledgeMessages.validatorFailed(validator.url, String(error?.message ?? error))),
      );
      return {
        ...app,
        destroy() {
          destroyed = true;
          app.destroy();
        },
      };
    },
  };
}
