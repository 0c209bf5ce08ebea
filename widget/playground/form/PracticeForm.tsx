import type { EditorProblem } from '../checkKnowledgeText';
import { getIn, setIn, type Doc } from '../editKnowledge';
import { playgroundText as say } from '../playgroundText';
import { FieldProblems, problemsAt, TextArea, TextField } from './fields';

export interface PracticeFormProps {
  doc: Doc;
  problems: readonly EditorProblem[];
  onChange(doc: Doc): void;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const CONTACT_FIELDS = ['label', 'email', 'phone', 'url'] as const;

/** Names, booking link and label, contact, greeting, disclaimer and the crisis numbers' country. */
export function PracticeForm({ doc, problems, onChange }: PracticeFormProps) {
  const value = (...steps: string[]) => text(getIn(doc, steps));
  const set = (steps: string[], v: string) => onChange(setIn(doc, steps, v));
  /** An optional field left empty is removed, not kept as empty text (which is an error). */
  const setOptional = (steps: string[], v: string) => onChange(setIn(doc, steps, v === '' ? undefined : v));
  const setContact = (name: (typeof CONTACT_FIELDS)[number], v: string) => {
    const next = setIn(doc, ['practice', 'contact', name], v === '' ? undefined : v);
    const contact = getIn(next, ['practice', 'contact']);
    const empty = CONTACT_FIELDS.every((f) => !text((contact as Record<string, unknown> | undefined)?.[f]));
    onChange(empty ? setIn(next, ['practice', 'contact'], undefined) : next);
  };
  const countries = Object.entries((getIn(doc, ['crisis', 'countries']) as Record<string, { name?: unknown }> | undefined) ?? {});
  const field = (name: string, props: { label: string; help?: string }, steps: string[], optional = false) => (
    <TextField id={`pg-${name}`} {...props} field={steps.join('.')} problems={problems} exact value={value(...steps)} onInput={(v) => (optional ? setOptional(steps, v) : set(steps, v))} />
  );

  return (
    <div class="pg-practice">
      <p class="pg-help">{say.practiceHelp}</p>
      {field('practice-name', { label: say.practiceName }, ['practice', 'name'])}
      {field('practitioner', { label: say.practitioner, help: say.practitionerHelp }, ['practice', 'practitioner'], true)}
      {field('booking-url', { label: say.bookingUrl, help: say.bookingUrlHelp }, ['practice', 'booking', 'url'])}
      {field('booking-label', { label: say.bookingLabel }, ['practice', 'booking', 'label'])}
      <fieldset class="pg-field pg-group" aria-describedby="pg-contact-help">
        <legend class="pg-label">{say.contact}</legend>
        <p id="pg-contact-help" class="pg-help">
          {say.contactHelp}
        </p>
        <FieldProblems id="pg-contact-problems" problems={problemsAt(problems, 'practice.contact', true)} />
        {CONTACT_FIELDS.map((name) => (
          <TextField
            key={name}
            id={`pg-contact-${name}`}
            label={{ label: say.contactLabel, email: say.contactEmail, phone: say.contactPhone, url: say.contactUrl }[name]}
            field={`practice.contact.${name}`}
            problems={problems}
            value={value('practice', 'contact', name)}
            type={name === 'email' ? 'email' : name === 'phone' ? 'tel' : name === 'url' ? 'url' : 'text'}
            onInput={(v) => setContact(name, v)}
          />
        ))}
      </fieldset>
      <TextArea id="pg-greeting" label={say.greeting} help={say.greetingHelp} field="messages.greeting" problems={problems} value={value('messages', 'greeting')} onInput={(v) => set(['messages', 'greeting'], v)} />
      <TextArea id="pg-disclaimer" label={say.disclaimer} help={say.disclaimerHelp} field="messages.disclaimer" problems={problems} value={value('messages', 'disclaimer')} onInput={(v) => set(['messages', 'disclaimer'], v)} />
      <div class="pg-field">
        <label for="pg-country" class="pg-label">
          {say.country}
        </label>
        <p id="pg-country-help" class="pg-help">
          {say.countryHelp}
        </p>
        <select id="pg-country" class="pg-input" aria-describedby="pg-country-help" value={value('crisis', 'defaultCountry')} data-field="crisis.defaultCountry" onChange={(e) => set(['crisis', 'defaultCountry'], e.currentTarget.value)}>
          {countries.map(([code, country]) => (
            <option key={code} value={code}>
              {typeof country?.name === 'string' ? `${country.name} (${code})` : code}
            </option>
          ))}
        </select>
        <FieldProblems id="pg-country-problems" problems={problemsAt(problems, 'crisis.defaultCountry')} />
      </div>
    </div>
  );
}
