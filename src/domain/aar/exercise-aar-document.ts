import { formatDuration, formatExerciseTime } from '../exercises';
import { formatTime, type Lang, type PrintDocument } from '../reports';
import { aarStatusMark, say, writersBlocks, type AarWritersSources } from './aar-document';
import type { ExerciseAar } from './exercise-aar';

type Text = Record<Lang, string>;

/** The AAR/IP's own words (the PDF is laid out in the workstation core, which has no renderer i18n). */
const words = {
  title: { 'zh-CN': '演练总结评估报告与改进计划（AAR/IP）', en: 'After-action report / improvement plan (AAR/IP)' },
  banner: { 'zh-CN': '演练 EXERCISE', en: 'EXERCISE EXERCISE EXERCISE' },
  exercise: { 'zh-CN': '演练', en: 'Exercise' },
  type: { 'zh-CN': '类型', en: 'Type' },
  date: { 'zh-CN': '日期', en: 'Date' },
  hazard: { 'zh-CN': '情景', en: 'Hazard' },
  started: { 'zh-CN': '开始', en: 'Started' },
  ended: { 'zh-CN': '结束', en: 'Ended' },
  participants: { 'zh-CN': '参演人员', en: 'Participants' },
  participantCounts: { 'zh-CN': '参演 {player}，导调 {controller}，评估 {evaluator}，观摩 {observer}', en: '{player} players, {controller} controllers, {evaluator} evaluators, {observer} observers' },
  summary: { 'zh-CN': '概述', en: 'Summary' },
  objectives: { 'zh-CN': '目标、评估指南与评级', en: 'Objectives, evaluation guides and ratings' },
  objective: { 'zh-CN': '目标', en: 'Objective' },
  capability: { 'zh-CN': '核心能力', en: 'Core capability' },
  criticalTasks: { 'zh-CN': '关键任务', en: 'Critical tasks' },
  rating: { 'zh-CN': '评级', en: 'Rating' },
  rationale: { 'zh-CN': '理由', en: 'Rationale' },
  notRated: { 'zh-CN': '未评级', en: 'Not rated' },
  injects: { 'zh-CN': '情景注入与响应时间', en: 'Injects and response times' },
  number: { 'zh-CN': '编号', en: 'No.' },
  inject: { 'zh-CN': '注入事件', en: 'Inject' },
  to: { 'zh-CN': '接收岗位', en: 'To' },
  delivered: { 'zh-CN': '下达（演练时间）', en: 'Delivered (exercise time)' },
  acknowledge: { 'zh-CN': '确认用时', en: 'To acknowledge' },
  action: { 'zh-CN': '注入至行动用时', en: 'Inject to action' },
  actedOn: { 'zh-CN': '采取的行动', en: 'Action taken' },
  undelivered: { 'zh-CN': '另有 {n} 条注入未下达（跳过或未到时）', en: '{n} more injects were not delivered (skipped or not reached)' },
  notes: { 'zh-CN': '评估员记录', en: 'Evaluator notes' },
  time: { 'zh-CN': '时间', en: 'Time' },
  kind: { 'zh-CN': '类别', en: 'Kind' },
  about: { 'zh-CN': '关联', en: 'About' },
  note: { 'zh-CN': '记录', en: 'Note' },
  hotwash: { 'zh-CN': '现场讲评', en: 'Hot wash' },
  none: { 'zh-CN': '（无）', en: '(none)' },
} satisfies Record<string, Text>;

export const ratingWords: Record<'P' | 'S' | 'M' | 'U', Text> = {
  P: { 'zh-CN': 'P 顺利完成', en: 'P Performed without challenges' },
  S: { 'zh-CN': 'S 完成但有一些挑战', en: 'S Performed with some challenges' },
  M: { 'zh-CN': 'M 完成但有重大挑战', en: 'M Performed with major challenges' },
  U: { 'zh-CN': 'U 未能完成', en: 'U Unable to be performed' },
};

const typeWords: Record<ExerciseAar['type'], Text> = {
  seminar: { 'zh-CN': '研讨会', en: 'Seminar' },
  workshop: { 'zh-CN': '工作坊', en: 'Workshop' },
  tabletop: { 'zh-CN': '桌面推演', en: 'Tabletop' },
  game: { 'zh-CN': '推演游戏', en: 'Game' },
  drill: { 'zh-CN': '单项演练', en: 'Drill' },
  functional: { 'zh-CN': '功能演练', en: 'Functional' },
  full_scale: { 'zh-CN': '全面演练', en: 'Full-scale' },
};

const noteKindWords: Record<'strength' | 'improvement' | 'note', Text> = {
  strength: { 'zh-CN': '优势', en: 'Strength' },
  improvement: { 'zh-CN': '待改进', en: 'Improvement' },
  note: { 'zh-CN': '观察', en: 'Observation' },
};

export type ExerciseAarPrintSources = AarWritersSources & { exercise: ExerciseAar; hospital: string };

/**
 * An exercise's AAR/IP as filed (HSEEP 2020 template): overview, objectives with their EEG ratings, inject →
 * action times, the evaluators' notes and the hot wash, then the writers' analysis and the improvement plan.
 * EXERCISE at the top and DRAFT (FINAL with who and when, once the facilitator signs it off) at the top and on
 * every page's footer: the report is about a drill, and a reader must know whether it is the record yet.
 */
export function exerciseAarDocument(sources: ExerciseAarPrintSources, lang: Lang): PrintDocument {
  const { aar, exercise } = sources;
  const time = (ms: number) => formatTime(ms, sources.timeZone);
  const w = (key: keyof typeof words, params: Record<string, string | number> = {}) => say(lang, words[key], params);
  const objectiveText = new Map(exercise.objectives.map((o) => [o.id, o.text]));
  const about = (n: ExerciseAar['notes'][number]) => [n.injectNumber !== undefined ? `#${n.injectNumber}` : '', n.position ?? '', n.objectiveId ? (objectiveText.get(n.objectiveId) ?? '') : ''].filter(Boolean).join(' · ');
  const hotwash = (kind: 'strength' | 'improvement') => exercise.hotwash.filter((h) => h.kind === kind).map((h) => `• ${noteKindWords[kind][lang]}: ${h.text}`);
  return {
    title: w('title'),
    subtitle: `${exercise.name}${exercise.date ? ` · ${exercise.date}` : ''}`,
    banner: `${w('banner')}  ${aarStatusMark(aar, lang, sources)}`,
    lang,
    footer: `${sources.hospital} · ${w('title')} · ${w('exercise')} · ${aarStatusMark(aar, lang, sources, true)}`,
    fileName: `exercise-aar-ip-${lang}.pdf`,
    blocks: [
      {
        kind: 'fields',
        rows: [
          [w('exercise'), exercise.name],
          [w('type'), typeWords[exercise.type][lang]],
          [w('date'), exercise.date ?? '—'],
          [w('hazard'), exercise.hazard || '—'],
          [w('started'), exercise.startedAt === undefined ? '—' : time(exercise.startedAt)],
          [w('ended'), exercise.endedAt === undefined ? '—' : time(exercise.endedAt)],
          [w('participants'), w('participantCounts', exercise.participants)],
        ],
      },
      { kind: 'heading', text: w('summary') },
      { kind: 'text', text: aar.summary || w('none') },
      { kind: 'heading', text: w('objectives') },
      {
        kind: 'table',
        head: [w('objective'), w('capability'), w('criticalTasks'), w('rating'), w('rationale')],
        // One line per evaluator's rating, its rationale beside it.
        rows: exercise.objectives.map((o) => [
          o.text,
          o.capability || '—',
          o.criticalTasks.length === 0 ? '—' : o.criticalTasks.map((task) => `• ${task}`).join('\n'),
          o.ratings.length === 0 ? w('notRated') : o.ratings.map((r) => ratingWords[r.rating][lang]).join('\n'),
          o.ratings.map((r) => r.rationale).join('\n'),
        ]),
      },
      { kind: 'heading', text: w('injects') },
      exercise.injects.length === 0
        ? { kind: 'text', text: w('none') }
        : {
            kind: 'table',
            head: [w('number'), w('inject'), w('to'), w('delivered'), w('acknowledge'), w('action'), w('actedOn')],
            rows: exercise.injects.map((i) => [
              String(i.number),
              i.subject,
              i.to,
              `${formatExerciseTime(i.deliveredAtExercise)} (${time(i.deliveredAt)})`,
              i.acknowledgeMs === undefined ? '—' : formatDuration(i.acknowledgeMs),
              i.actionMs === undefined ? '—' : formatDuration(i.actionMs),
              i.actedOnNote ?? '',
            ]),
          },
      ...(exercise.undelivered > 0 ? [{ kind: 'text' as const, text: w('undelivered', { n: exercise.undelivered }) }] : []),
      { kind: 'heading', text: w('notes') },
      exercise.notes.length === 0
        ? { kind: 'text', text: w('none') }
        : {
            kind: 'table',
            head: [w('time'), w('kind'), w('about'), w('note')],
            rows: exercise.notes.map((n) => [`${formatExerciseTime(n.exerciseAt)} (${time(n.at)})`, noteKindWords[n.kind][lang], about(n), n.text]),
          },
      { kind: 'heading', text: w('hotwash') },
      { kind: 'text', text: [...hotwash('strength'), ...hotwash('improvement')].join('\n') || w('none') },
      ...writersBlocks(sources, lang),
    ],
  };
}
