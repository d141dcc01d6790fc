/**
 * A source's title: a link only where the dataset has a real address, opened without handing
 * the source page a reference back (`noopener noreferrer`). Shared by the card, popup and options.
 */
interface SourceTitleProps {
  readonly source: { readonly title: string; readonly url?: string | undefined };
  readonly lang?: string;
  readonly dir?: 'auto' | 'ltr' | 'rtl';
}

export function SourceTitle({ source, lang, dir }: SourceTitleProps) {
  return source.url ? (
    <a href={source.url} target="_blank" rel="noopener noreferrer" lang={lang} dir={dir}>
      {source.title}
    </a>
  ) : (
    <span lang={lang} dir={dir}>
      {source.title}
    </span>
  );
}
