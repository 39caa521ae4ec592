import type { TFunction } from 'i18next';
import type { ExerciseStatus } from '../../../domain/exercises/exercise';
import type { InjectMethod, Inject, InjectStage } from '../../../domain/exercises/injects';
import type { MselCsvColumn } from '../../../domain/exercises/msel-csv';
import type { ScenarioKey } from '../../../domain/exercises/scenarios';

// Written out key by key so the i18n test sees every key this feature can show (no computed keys).
export function methodLabel(t: TFunction, method: InjectMethod): string {
  switch (method) {
    case 'message': return t('exercises.msel.method.message');
    case 'phone': return t('exercises.msel.method.phone');
    case 'handout': return t('exercises.msel.method.handout');
    case 'verbal': return t('exercises.msel.method.verbal');
    case 'beds': return t('exercises.msel.method.beds');
    case 'stock': return t('exercises.msel.method.stock');
    case 'casualties': return t('exercises.msel.method.casualties');
    case 'warning_update': return t('exercises.msel.method.warning_update');
  }
}

export function statusLabel(t: TFunction, status: Inject['status']): string {
  if (status === 'delivered') return t('exercises.msel.status.delivered');
  if (status === 'skipped') return t('exercises.msel.status.skipped');
  return t('exercises.msel.status.pending');
}

export function columnLabel(t: TFunction, column: MselCsvColumn | 'status'): string {
  switch (column) {
    case 'number': return t('exercises.msel.col.number');
    case 'time': return t('exercises.msel.col.time');
    case 'after': return t('exercises.msel.col.after');
    case 'event': return t('exercises.msel.col.event');
    case 'inject_text': return t('exercises.msel.col.inject_text');
    case 'method': return t('exercises.msel.col.method');
    case 'from': return t('exercises.msel.col.from');
    case 'to': return t('exercises.msel.col.to');
    case 'controller': return t('exercises.msel.col.controller');
    case 'expected_action': return t('exercises.msel.col.expected_action');
    case 'objective': return t('exercises.msel.col.objective');
    case 'status': return t('exercises.msel.col.status');
  }
}

export function scenarioLabel(t: TFunction, key: ScenarioKey): string {
  return key === 'bus-crash-tabletop' ? t('exercises.msel.scenarios.bus-crash-tabletop') : t('exercises.msel.scenarios.respiratory-outbreak-functional');
}

export function stageLabel(t: TFunction, stage: InjectStage): string {
  switch (stage) {
    case 'pending': return t('exercises.console.stage.pending');
    case 'due': return t('exercises.console.stage.due');
    case 'delivered': return t('exercises.console.stage.delivered');
    case 'acknowledged': return t('exercises.console.stage.acknowledged');
    case 'acted': return t('exercises.console.stage.acted');
    case 'skipped': return t('exercises.console.stage.skipped');
  }
}

export function clockStateLabel(t: TFunction, status: ExerciseStatus): string {
  switch (status) {
    case 'draft': return t('exercises.console.state.draft');
    case 'running': return t('exercises.console.state.running');
    case 'paused': return t('exercises.console.state.paused');
    case 'ended': return t('exercises.console.state.ended');
    case 'cancelled': return t('exercises.console.state.cancelled');
  }
}
