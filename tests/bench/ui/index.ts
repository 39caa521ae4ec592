import { boardBench } from './board';
import type { UiBench } from './context';
import { mapBench } from './map';

/** Every UI benchmark `npm run bench:ui` runs, in order. A feature adds its module here. */
export const uiBenches: UiBench[] = [boardBench, mapBench];
