import { boardBench } from './board';
import type { UiBench } from './context';
import { rosterBench } from './roster';
import { mapBench } from './map';
import { mutationBench } from './mutation';
import { resourcesBench } from './resources';
import { plansBench } from './plans';
import { firstPaintBench } from './first-paint';
import { reportsBench } from './reports';
import { casualtiesBench } from './casualties';
import { exerciseBench } from './exercise';

/** Every UI benchmark `npm run bench:ui` runs, in order. A feature adds its module here. */
export const uiBenches: UiBench[] = [firstPaintBench, boardBench, mapBench, rosterBench, resourcesBench, mutationBench, plansBench, reportsBench, casualtiesBench, exerciseBench];
