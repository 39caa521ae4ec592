/**
 * A printable form as plain data: the figures and words of a report or HICS form, laid out elsewhere (the
 * workstation core renders it as PDF). Tests check a form's content here without a PDF.
 */
export type PrintBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'fields'; rows: (readonly [label: string, value: string])[] }
  /** `shares`: each column's share of the width (a long label column wider than a tick box); equal when left out. */
  | { kind: 'table'; head: string[]; rows: string[][]; shares?: number[] }
  /** One record per sheet, as the paper form has it (a HICS 221 per person, each signed on its own page). */
  | { kind: 'pageBreak' };

export type PrintDocument = {
  title: string;
  subtitle?: string;
  /** EXERCISE across the top in a drill space; DRAFT on a report nobody signed off. */
  banner?: string;
  blocks: PrintBlock[];
  footer: string;
  lang: 'zh-CN' | 'en';
  fileName: string;
};

/** Every string of a document, in order: what a test looks for a figure in. */
export function documentText(doc: PrintDocument): string {
  const lines = [doc.banner ?? '', doc.title, doc.subtitle ?? ''];
  for (const block of doc.blocks) {
    if (block.kind === 'fields') lines.push(...block.rows.map(([label, value]) => `${label} ${value}`));
    else if (block.kind === 'table') lines.push(block.head.join(' '), ...block.rows.map((row) => row.join(' ')));
    else if (block.kind !== 'pageBreak') lines.push(block.text);
  }
  return lines.join('\n');
}
