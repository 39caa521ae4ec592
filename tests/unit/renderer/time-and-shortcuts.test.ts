import { describe, expect, it } from 'vitest';
import { interpretKey } from '../../../src/renderer/app/shortcuts';
import { fromZonedInputValue, toZonedInputValue, zoneOffsetMs } from '../../../src/renderer/lib/time';
import { untilNextTick } from '../../../src/renderer/app/use-now';

describe('hospital time zone', () => {
  it('reads a datetime-local value as wall time in the hospital zone, not the browser zone', () => {
    expect(fromZonedInputValue('2026-11-26T14:00', 'Asia/Shanghai')).toBe(Date.UTC(2026, 10, 26, 6, 0));
    expect(toZonedInputValue(Date.UTC(2026, 10, 26, 6, 0), 'Asia/Shanghai')).toBe('2026-11-26T14:00');
    expect(zoneOffsetMs(Date.UTC(2026, 0, 1), 'Asia/Shanghai')).toBe(8 * 3_600_000);
  });

  it('uses the offset in force at that time across a daylight-saving change', () => {
    expect(fromZonedInputValue('2026-07-01T12:00', 'Europe/London')).toBe(Date.UTC(2026, 6, 1, 11, 0));
    expect(fromZonedInputValue('2026-01-01T12:00', 'Europe/London')).toBe(Date.UTC(2026, 0, 1, 12, 0));
  });

  it('refuses a value that is not a date and time', () => {
    expect(fromZonedInputValue('', 'Asia/Shanghai')).toBeNull();
    expect(fromZonedInputValue('2026-11-26', 'Asia/Shanghai')).toBeNull();
  });
});

describe('keyboard shortcuts', () => {
  it('navigates on g then a page letter, and only right after g', () => {
    expect(interpretKey('g', false)).toEqual({ action: null, pendingG: true });
    expect(interpretKey('m', true)).toEqual({ action: { type: 'navigate', route: 'map' }, pendingG: false });
    expect(interpretKey('m', false)).toEqual({ action: null, pendingG: false });
    expect(interpretKey('x', true)).toEqual({ action: null, pendingG: false });
  });

  it('opens the declare form on n and toggles help on ?', () => {
    expect(interpretKey('n', false).action).toEqual({ type: 'declare' });
    expect(interpretKey('?', false).action).toEqual({ type: 'toggleHelp' });
    expect(interpretKey('Escape', false).action).toEqual({ type: 'closeOverlay' });
  });
});

describe('screen clocks', () => {
  it('tick on the whole minute, not a minute after the page opened, so a screen never asks for the minute before', () => {
    const opened = Date.UTC(2026, 10, 26, 6, 0, 50);
    expect(untilNextTick(opened, 60_000)).toBe(10_000);
    expect(untilNextTick(Date.UTC(2026, 10, 26, 6, 1), 60_000)).toBe(60_000);
    expect(untilNextTick(opened + 250, 1_000)).toBe(750);
  });
});
