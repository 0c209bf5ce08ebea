import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { createConversation, createEngine, type Conversation, type Knowledge, type Reply, type ReplyAction } from '../core';
import { MAX_QUESTION_LENGTH } from '../ui/Composer';
import { Message } from '../ui/Message';
import { QuickReplies } from '../ui/QuickReplies';
import type { TranscriptMessage } from '../ui/types';
import { DebugLine } from './DebugLine';
import { playgroundText as say } from './playgroundText';
import { WidgetLook } from './WidgetLook';

export interface TesterProps {
  /** The knowledge in use when the tester first shows. */
  knowledge: Knowledge;
  /**
   * Applies an edit still waiting for its check and returns the knowledge to use now, so a
   * question asked right after typing is answered from what was just typed.
   */
  currentKnowledge(): Knowledge;
}

type Strings = Knowledge['ui'];
type Item =
  | { kind: 'turn'; id: number; message: TranscriptMessage; strings: Strings }
  | { kind: 'changed'; id: number };

interface Session {
  knowledge: Knowledge;
  conversation: Conversation;
}

const openSession = (knowledge: Knowledge): Session => ({ knowledge, conversation: createConversation(createEngine(knowledge)) });
const noop = () => {};

/**
 * "Try it": a conversation with the edited knowledge, shown with the widget's own components, and
 * under each reply the line that says how it was chosen.
 *
 * Why this and not the widget in the corner: the embedded widget takes knowledge only from its
 * bundle or a published `data-knowledge-url`, and its one global (`KapChat`) deliberately has no
 * knowledge swap. A second widget mounted with `createApp` would put two launchers in the same
 * corner. So the tester is "the live widget" for the edited knowledge: the same core, the same
 * Message, RichText and QuickReplies components and the same stylesheet, updated on every valid edit.
 */
export function Tester({ knowledge, currentKnowledge }: TesterProps) {
  const session = useRef<Session | null>(null);
  const ids = useRef(0);
  const nextId = () => ++ids.current;
  const start = (source: Knowledge): Item[] => {
    session.current = openSession(source);
    return [{ kind: 'turn', id: nextId(), message: { role: 'assistant', reply: session.current.conversation.greeting }, strings: source.ui }];
  };
  const [items, setItems] = useState<Item[]>(() => start(knowledge));
  const [question, setQuestion] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const log = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    if (log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [items]);

  const turn = (visitor: TranscriptMessage, run: (conversation: Conversation) => Reply) => {
    const source = currentKnowledge();
    const added: Item[] = [];
    if (!session.current || session.current.knowledge !== source) {
      session.current = openSession(source);
      added.push({ kind: 'changed', id: nextId() });
    }
    const reply = run(session.current.conversation);
    added.push(
      { kind: 'turn', id: nextId(), message: visitor, strings: source.ui },
      { kind: 'turn', id: nextId(), message: { role: 'assistant', reply }, strings: source.ui },
    );
    setItems((before) => [...before, ...added]);
  };

  const ask = (event: Event) => {
    event.preventDefault();
    const text = question.trim().slice(0, MAX_QUESTION_LENGTH);
    if (!text) return;
    setQuestion('');
    turn({ role: 'visitor', text }, (c) => c.ask(text));
  };
  const choose = (action: ReplyAction) => {
    turn({ role: 'visitor', text: action.label, action }, (c) => c.choose(action));
    // The buttons go away with the next reply: keep the keyboard where the next question is typed.
    input.current?.focus();
  };
  const startOver = () => setItems(start(currentKnowledge()));

  const last = items[items.length - 1];
  return (
    <section class="pg-panel pg-tester" aria-labelledby="pg-tester-title">
      <h2 id="pg-tester-title">{say.testerHeading}</h2>
      <p class="pg-help">{say.testerHelp}</p>
      <div class="pg-transcript" ref={log} role="log" aria-label={say.transcriptLabel} tabIndex={0} data-testid="playground-transcript">
        {items.map((item) => {
          if (item.kind === 'changed') {
            return (
              <p key={item.id} class="pg-changed">
                {say.knowledgeChanged}
              </p>
            );
          }
          const { message, strings } = item;
          const topics = item === last && message.role === 'assistant' ? message.reply.actions.filter((a) => a.type === 'topic') : [];
          return (
            <div key={item.id} class={message.role === 'assistant' ? 'pg-turn pg-reply' : 'pg-turn'}>
              <WidgetLook>
                <Message message={message} strings={strings} onBookingClick={noop} />
                {topics.length > 0 && <QuickReplies actions={topics} onChoose={choose} />}
              </WidgetLook>
              {message.role === 'assistant' && <DebugLine reply={message.reply} />}
            </div>
          );
        })}
      </div>
      <form class="pg-ask" onSubmit={ask}>
        <label for="pg-question">{say.inputLabel}</label>
        <div class="pg-row">
          <input
            id="pg-question"
            ref={input}
            type="text"
            autocomplete="off"
            maxLength={MAX_QUESTION_LENGTH}
            value={question}
            onInput={(e) => setQuestion(e.currentTarget.value)}
            data-testid="playground-input"
          />
          <button type="submit" class="pg-button pg-primary" data-testid="playground-ask">
            {say.ask}
          </button>
          <button type="button" class="pg-button" onClick={startOver}>
            {say.startOver}
          </button>
        </div>
      </form>
    </section>
  );
}
