import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import type { TickerItem } from './wall-figures';
import { packTickerPages } from './ticker-pages';

/** Long enough to read two or three items from across the room at a glance, short enough to see all within a minute. */
const TURN_MS = 8_000;

type Measured = { ids: string; widths: number[]; available: number; gap: number };

function TickerEntry({ item, wrap, shown }: { item: TickerItem; wrap: boolean; shown: boolean }) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const locale = useApp(selectLanguage);
  const lead = item.kind === 'overdue' ? t('wall.ticker.overdue') : item.kind === 'message' ? t('wall.ticker.message') : formatTime(item.at, timeZone, locale);
  return (
    <span className={`ticker-item ticker-${item.kind}${wrap ? ' ticker-wrap' : ''}`} data-testid={shown ? 'ticker-item' : undefined} data-item-id={shown ? item.id : undefined}>
      <strong>{lead}</strong>
      <span className="ticker-text">{item.text}</span>
    </span>
  );
}

/** Reads each item's one-line width from the hidden copy, and the room the visible line has for them. */
function measure(line: HTMLElement, copy: HTMLElement, ids: string): Measured {
  const style = getComputedStyle(line);
  const gap = parseFloat(style.columnGap) || 0;
  const entries = [...copy.querySelectorAll<HTMLElement>('.ticker-item')];
  const counter = copy.querySelector<HTMLElement>('.ticker-page')?.getBoundingClientRect().width ?? 0;
  const inner = line.clientWidth - (parseFloat(style.paddingLeft) || 0) - (parseFloat(style.paddingRight) || 0);
  return { ids, widths: entries.map((e) => e.getBoundingClientRect().width), available: inner - counter - gap, gap };
}

/**
 * The alert line along the bottom: overdue work, then the newest log and messages. A command room reads the wall
 * in glances from five metres, so the line shows whole items standing still and turns to the next page of whole
 * items every few seconds, rather than scrolling: moving text has to be followed with the eyes to be read, and
 * `prefers-reduced-motion` needs nothing special when nothing moves. Which items fit is measured, never guessed
 * from character counts (Chinese and English widths differ); one item longer than the line wraps on its own page,
 * so no item is ever cut mid-phrase.
 */
export function AlertTicker({ items }: { items: readonly TickerItem[] }) {
  const { t } = useTranslation();
  const line = useRef<HTMLDivElement>(null);
  const copy = useRef<HTMLDivElement>(null);
  const [measured, setMeasured] = useState<Measured | null>(null);
  const [turn, setTurn] = useState(0);
  const ids = items.map((i) => `${i.id}:${i.text}`).join('|');

  useLayoutEffect(() => {
    const lineEl = line.current;
    const copyEl = copy.current;
    if (!lineEl || !copyEl) return;
    // Fires once on observing, and again when the wall is resized or an item's width changes (fonts, language).
    const observer = new ResizeObserver(() => setMeasured(measure(lineEl, copyEl, ids)));
    observer.observe(lineEl);
    for (const entry of copyEl.children) observer.observe(entry);
    return () => observer.disconnect();
  }, [ids]);

  // Until the widths of these very items are known, one item a page: slower, but never cut.
  const pages = useMemo(
    () => (measured && measured.ids === ids ? packTickerPages(measured.widths, measured.available, measured.gap) : items.map((_, i) => [i])),
    [measured, ids, items],
  );

  useEffect(() => {
    if (pages.length < 2) return;
    const timer = setInterval(() => setTurn((n) => n + 1), TURN_MS);
    return () => clearInterval(timer);
  }, [pages.length]);

  const page = pages.length > 0 ? turn % pages.length : 0;
  const shown = (pages[page] ?? []).flatMap((i) => (items[i] ? [items[i]] : []));
  const alone = shown.length === 1 && measured !== null && (measured.widths[pages[page]?.[0] ?? -1] ?? Infinity) > measured.available;
  return (
    <div className="wall-ticker" role="log" aria-label={t('wall.ticker.label')} data-testid="wall-ticker" data-page={page} data-pages={pages.length} data-measured={measured?.ids === ids} ref={line}>
      {items.length === 0 ? <span className="muted">{t('wall.ticker.empty')}</span> : null}
      {shown.map((item) => (
        <TickerEntry key={item.id} item={item} wrap={alone || measured?.ids !== ids} shown />
      ))}
      {pages.length > 1 ? <span className="ticker-page" data-testid="ticker-page">{t('wall.ticker.page', { page: page + 1, pages: pages.length })}</span> : null}
      <div className="ticker-measure" ref={copy} aria-hidden="true">
        {items.map((item) => <TickerEntry key={item.id} item={item} wrap={false} shown={false} />)}
        <span className="ticker-page">{t('wall.ticker.page', { page: 8, pages: 8 })}</span>
      </div>
    </div>
  );
}
