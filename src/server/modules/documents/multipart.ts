/**
 * The first file part of a multipart/form-data body (RFC 7578), for the one upload the public
 * document check takes: the body is already read (size-limited) into a buffer; parts are split on
 * the boundary and the part with a filename (or the field `file`) is returned as bytes.
 */
export function firstFilePart(body: Buffer, contentType: string): Buffer | null {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary.trim()}`);
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') return null;
    const next = body.indexOf(delimiter, start);
    if (next === -1) return null;
    const part = body.subarray(start + 2, next - 2); // skip CRLF after the delimiter, before the next
    const headEnd = part.indexOf('\r\n\r\n');
    if (headEnd !== -1) {
      const head = part.subarray(0, headEnd).toString('latin1');
      if (/filename=|name="file"/i.test(head)) return part.subarray(headEnd + 4);
    }
    at = next;
  }
  return null;
}
