import { RichText } from '../../ui/RichText';
import { playgroundText as say } from '../playgroundText';
import { WidgetLook } from '../WidgetLook';

/** The answer as it will show in the chat: the widget's own bubble, stylesheet and rich text. */
export function AnswerPreview({ answer }: { answer: string }) {
  if (answer.trim() === '') return null;
  return (
    <div class="pg-field" data-testid="playground-preview">
      <p class="pg-label" id="pg-preview-title">
        {say.preview}
      </p>
      <div role="group" aria-labelledby="pg-preview-title">
        <WidgetLook>
          <div class="k-msg k-a">
            <RichText text={answer} />
          </div>
        </WidgetLook>
      </div>
    </div>
  );
}
