import Papa from 'papaparse';

/** Hands a file to the browser's download (Electron saves it where the user chooses). */
export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The header is given, so an empty list still exports a file that imports. A byte-order mark first, as AG Grid's
 * exports have, so a spreadsheet reads Chinese names as UTF-8 (our import, via Papa Parse, drops it).
 */
export function downloadCsv(name: string, fields: string[], rows: (string | number)[][]): void {
  download(name, 'text/csv', `\uFEFF${Papa.unparse({ fields, data: rows })}`);
}
