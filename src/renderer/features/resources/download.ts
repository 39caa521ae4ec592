import { toCsvText } from '../../lib/csv';

/** Hands a file to the browser's download (Electron saves it where the user chooses). */
export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadCsv(name: string, fields: string[], rows: (string | number)[][]): void {
  download(name, 'text/csv', toCsvText(fields, rows));
}
