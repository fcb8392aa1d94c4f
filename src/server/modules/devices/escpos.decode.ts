/**
 * A small ESC/POS decoder for tests: what a receipt printer would make of the bytes, as printed
 * text lines and the commands met (init, cut, QR data…). Unknown commands throw, so a test notices
 * bytes a real printer would misread.
 */
export interface Decoded {
  lines: string[];
  commands: string[];
  qr: string[];
}

export function decodeEscPos(bytes: Uint8Array): Decoded {
  const out: Decoded = { lines: [], commands: [], qr: [] };
  let line = '';
  let i = 0;
  const at = (k: number) => {
    const v = bytes[k];
    if (v === undefined) throw new Error(`ESC/POS ends inside a command at byte ${k}`);
    return v;
  };
  while (i < bytes.length) {
    const b = at(i);
    if (b === 0x0a) {
      out.lines.push(line.trim());
      line = '';
      i++;
    } else if (b === 0x0d) {
      i++;
    } else if (b === 0x1b) {
      const c = String.fromCharCode(at(i + 1));
      if (c === '@') out.commands.push('init');
      else if ('aEtMd!-GJ'.includes(c)) out.commands.push(`ESC ${c} ${at(i + 2)}`);
      else throw new Error(`unknown ESC ${c}`);
      i += c === '@' ? 2 : 3;
    } else if (b === 0x1c) {
      if (at(i + 1) !== 0x2e) throw new Error(`unknown FS ${at(i + 1)}`);
      i += 2;
    } else if (b === 0x1d) {
      const c = String.fromCharCode(at(i + 1));
      if (c === '!') {
        out.commands.push(`size ${at(i + 2)}`);
        i += 3;
      } else if (c === 'V') {
        const m = at(i + 2);
        out.commands.push('cut');
        i += m === 65 || m === 66 ? 4 : 3;
      } else if (c === '(' && String.fromCharCode(at(i + 2)) === 'k') {
        const len = at(i + 3) + 256 * at(i + 4);
        const body = bytes.slice(i + 5, i + 5 + len);
        // cn=49 (QR), fn=80 (store data): the rest is the QR's content.
        if (body[0] === 49 && body[1] === 80) out.qr.push(Buffer.from(body.slice(3)).toString('latin1'));
        if (body[0] === 49 && body[1] === 81) out.commands.push('qr print');
        i += 5 + len;
      } else throw new Error(`unknown GS ${c}`);
    } else if (b < 0x20) {
      throw new Error(`unknown control byte ${b}`);
    } else {
      line += String.fromCharCode(b);
      i++;
    }
  }
  if (line.trim()) out.lines.push(line.trim());
  return out;
}
