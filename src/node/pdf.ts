import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';

/**
 * A printable form as plain data: what the domain builds from an incident's records (src/domain/reports), so the
 * same figures can be checked without a PDF and laid out here without knowing what they mean.
 */
export type PdfBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'fields'; rows: readonly (readonly [label: string, value: string])[] }
  | { kind: 'table'; head: readonly string[]; rows: readonly (readonly string[])[]; shares?: readonly number[] }
  | { kind: 'pageBreak' };

export type PdfDocument = {
  title: string;
  subtitle?: string;
  /** Printed across the top of every page (EXERCISE in a drill space). */
  banner?: string;
  blocks: readonly PdfBlock[];
  /** Printed at the foot of every page with the page number. */
  footer: string;
  lang: string;
};

/**
 * Noto Sans SC (SIL OFL) from the npm package the app depends on, so a fresh machine needs no system font. One
 * weight only: the file is 10 MB and each weight would be parsed again; headings differ by size instead.
 * `HCC_PDF_FONT` points at another TTF (a packaged app that moves node_modules, a font with more glyphs).
 */
export function pdfFontPath(): string {
  const fromEnv = process.env['HCC_PDF_FONT'];
  if (fromEnv) return fromEnv;
  return createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
}

let fontBytes: Buffer | undefined;
function font(): Buffer {
  fontBytes ??= readFileSync(pdfFontPath());
  return fontBytes;
}

const MARGIN = 40;
const GREY = '#555555';

/**
 * Lays a form out on A4 and returns the file. The font is embedded as a subset (pdfkit always subsets through
 * fontkit): only the glyphs used travel, so a Chinese form is tens of kilobytes, not the font's 10 MB, and the
 * ToUnicode map keeps its text searchable and extractable (the tests read it back with pdftotext).
 */
export async function renderPdf(document: PdfDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: document.lang,
    info: { Title: document.title, Creator: 'Hospital Command Centre' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont('body', font());
  doc.font('body');

  if (document.banner) doc.fontSize(12).fillColor('#b00020').text(document.banner, { align: 'center' }).fillColor('black');
  doc.fontSize(16).text(document.title);
  if (document.subtitle) doc.fontSize(10).fillColor(GREY).text(document.subtitle).fillColor('black');
  doc.moveDown(0.5);
  for (const block of document.blocks) drawBlock(doc, block);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.height - MARGIN + 10;
    // Writing below the bottom margin would make pdfkit start a new page: lift the margin for the footer.
    doc.page.margins.bottom = 0;
    doc.fontSize(8).fillColor(GREY).text(`${document.footer}  ${i + 1}/${range.count}`, MARGIN, bottom, { lineBreak: false });
    doc.fillColor('black');
  }
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

function drawBlock(doc: PDFKit.PDFDocument, block: PdfBlock): void {
  const width = doc.page.width - 2 * MARGIN;
  switch (block.kind) {
    case 'heading':
      doc.moveDown(0.4).fontSize(12).text(block.text, MARGIN, undefined, { width }).moveDown(0.2);
      return;
    case 'text':
      doc.fontSize(10).text(block.text || '—', MARGIN, undefined, { width }).moveDown(0.3);
      return;
    case 'fields':
      table(doc, block.rows.map(([label, value]) => [label, value || '—']), [0.3, 0.7], false);
      return;
    case 'table':
      table(doc, [block.head, ...block.rows], block.shares, true);
      return;
    case 'pageBreak':
      doc.addPage();
  }
}

const PAD = 3;

/**
 * A grid drawn row by row. pdfkit's own `doc.table` measures every cell again per row (a 500-row HICS 254 took
 * 40 s); this one measures each cell once, so the time grows with the rows. A header row is repeated on each page.
 */
function table(doc: PDFKit.PDFDocument, rows: readonly (readonly string[])[], shares: readonly number[] | undefined, header: boolean): void {
  if (rows.length === 0) return;
  const width = doc.page.width - 2 * MARGIN;
  const columns = rows[0]?.length ?? 1;
  const widths = shares ? shares.map((s) => s * width) : Array.from({ length: columns }, () => width / columns);
  doc.fontSize(9);
  const heightOf = (row: readonly string[]) =>
    Math.max(...row.map((cell, i) => doc.heightOfString(cell || ' ', { width: (widths[i] ?? 0) - 2 * PAD }))) + 2 * PAD;
  const draw = (row: readonly string[], shaded: boolean, height: number) => {
    let x = MARGIN;
    const y = doc.y;
    row.forEach((cell, i) => {
      const w = widths[i] ?? 0;
      if (shaded) doc.rect(x, y, w, height).fill('#e8e8e8').fillColor('black');
      doc.rect(x, y, w, height).lineWidth(0.5).stroke('#444444');
      doc.text(cell, x + PAD, y + PAD, { width: w - 2 * PAD, lineBreak: true });
      x += w;
    });
    doc.x = MARGIN;
    doc.y = y + height;
  };
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const head = header ? rows[0] : undefined;
  const headHeight = head ? heightOf(head) : 0;
  if (head) {
    if (doc.y + headHeight > bottom()) doc.addPage();
    draw(head, true, headHeight);
  }
  for (const row of header ? rows.slice(1) : rows) {
    const height = heightOf(row);
    if (doc.y + height > bottom()) {
      doc.addPage();
      if (head) draw(head, true, headHeight);
    }
    draw(row, false, height);
  }
  doc.x = MARGIN;
  doc.moveDown(0.5);
}
