/**
 * The words of a search shown marked in a result (an organisation's name in the list), so the
 * clerk sees at a glance why a row was found. Each whitespace-separated word of the keyword is
 * marked wherever it occurs whole, regardless of case.
 */
export function highlightParts(text: string, keyword: string | undefined): { text: string; hit: boolean }[] {
  const words = (keyword ?? '')
    .split(/\s+/)
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean)
    // The longer word first, so 石墨烯 is marked whole before 石墨 could take part of it.
    .sort((a, b) => b.length - a.length);
  if (words.length === 0 || !text) return text ? [{ text, hit: false }] : [];
  const lower = text.toLowerCase();
  const marked = new Array<boolean>(text.length).fill(false);
  for (const word of words) {
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + word.length)) {
      marked.fill(true, at, at + word.length);
    }
  }
  const parts: { text: string; hit: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = parts[parts.length - 1];
    if (last && last.hit === marked[i]) last.text += text[i];
    else parts.push({ text: text[i], hit: marked[i] });
  }
  return parts;
}

export function Highlight({ text, keyword }: { text: string; keyword?: string }) {
  return (
    <>
      {highlightParts(text, keyword).map((part, i) =>
        part.hit ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never reorder
          <mark key={i} style={{ background: '#fff1b8', color: 'inherit', padding: 0 }}>
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
