/** Splits raw SSE text into its messages (comments and the retry line dropped), data parsed as JSON. */
export function sseMessages(text: string): { id: string | null; event: string; data: unknown }[] {
  const out: { id: string | null; event: string; data: unknown }[] = [];
  for (const block of text.split('\n\n')) {
    let id: string | null = null;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('id: ')) id = line.slice(4);
      else if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length) out.push({ id, event, data: JSON.parse(data.join('\n')) });
  }
  return out;
}
