export interface AvatarProps {
  /** The knowledge's `practice.avatar`: a monogram (`"ET"`) or an image address (`https:` or a path on the site). */
  avatar: string;
}

/**
 * The practice's small picture in the header, so the chat feels like the practice's own. Decoration
 * only: the practice is named in the words beside it.
 */
export function Avatar({ avatar }: AvatarProps) {
  return (
    <span class="k-av" aria-hidden="true" data-testid="kap-avatar">
      {/^(?:https:\/\/|\/(?!\/))/.test(avatar) ? <img src={avatar} alt="" /> : avatar}
    </span>
  );
}
