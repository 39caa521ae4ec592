/**
 * The wall ticker shows whole items a page at a time (see AlertTicker for why not a marquee). Given each item's
 * width on one line, the items go onto pages in order, as many whole ones as the line holds; an item wider than
 * the line gets a page of its own, where it wraps instead of being cut.
 */
export function packTickerPages(widths: readonly number[], available: number, gap: number): number[][] {
  const pages: number[][] = [];
  let page: number[] = [];
  let used = 0;
  widths.forEach((width, index) => {
    const needed = page.length === 0 ? width : used + gap + width;
    if (page.length > 0 && needed > available) {
      pages.push(page);
      page = [index];
      used = width;
      return;
    }
    page.push(index);
    used = needed;
  });
  if (page.length > 0) pages.push(page);
  return pages;
}
