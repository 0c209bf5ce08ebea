import { useState } from 'preact/hooks';

export interface AvatarProps {
  /** The knowledge's `practice.avatar`: a monogram (`"ET"`) or an image address (`https:` or a path on the site). */
  avatar: string;
}

const IMAGE = /^(?:https:\/\/|\/(?!\/))\S+$/;

/**
 * The practice's small picture in the header, so the chat feels like the practice's own. Decoration
 * only: the practice is named in the words beside it. An image that fails to load leaves nothing.
 */
export function Avatar({ avatar }: AvatarProps) {
  const [failed, setFailed] = useState(false);
  if (IMAGE.test(avatar)) {
    return failed ? null : (
      <span class="k-av" aria-hidden="true" data-testid="kap-avatar">
        <img src={avatar} alt="" onError={() => setFailed(true)} />
      </span>
    );
  }
  return (
    <span class="k-av" aria-hidden="true" data-testid="kap-avatar">
      {avatar}
    </span>
  );
}
