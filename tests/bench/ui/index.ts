import type { UiBench } from './context';

/** Every UI benchmark `npm run bench:ui` runs, in order. A feature adds its module here. */
export const uiBenches: UiBench[] = [];
