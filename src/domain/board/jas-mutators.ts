import { z } from 'zod';
import { DomainError } from '../errors';
import { findPosition, PositionIdSchema } from '../hics';
import { EpochMsSchema, IdSchema } from '../ids';
import { openIncident, requirePermission } from '../mutation-guards';
import { findSheet, JasLanguageSchema, type TimeBand } from './job-action-sheets';
import { defineMutator } from '../mutation';
import { endOfColumn } from './task-mutators';
import { AssigneeSchema, ItemIdSchema } from './tasks';
import { keyBetween } from './task-order';

const HOUR = 60 * 60 * 1000;

/** When a band's items fall due, counted from the moment the sheet is taken up; demobilisation has no clock. */
const bandDueHours: Record<TimeBand, number | null> = { immediate: 2, intermediate: 12, extended: null, demobilisation: null };

export const jasMutators = {
  /**
   * Turns chosen items of a position's Job Action Sheet into tasks on the board, assigned to the position.
   * The caller makes one task id per item; `id` names the batch, kept on each task so the sheet is not offered
   * twice. Text comes from the sheet embedded in this build, in the language the user works in.
   */
  'jas.instantiate': defineMutator(
    z.strictObject({
      id: IdSchema,
      incidentId: IdSchema,
      positionId: PositionIdSchema,
      language: JasLanguageSchema,
      items: z.array(z.strictObject({ itemId: ItemIdSchema, taskId: IdSchema })).min(1).max(50),
      assignee: AssigneeSchema.optional(),
      /** Start of the band clocks; defaults to when the user acted. */
      from: EpochMsSchema.optional(),
    }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      await openIncident(tx, args.incidentId, ctx);
      const sheet = findSheet(args.positionId, args.language);
      const position = findPosition(args.positionId);
      if (!sheet || !position) throw new DomainError('not_found', `no job action sheet for ${args.positionId}`, { positionId: args.positionId });
      const from = args.from ?? ctx.at;
      let order = await endOfColumn(tx, args.incidentId, 'todo', ctx);
      for (const { itemId, taskId } of args.items) {
        const item = sheet.items.find((i) => i.id === itemId);
        if (!item) throw new DomainError('not_found', `${args.positionId} has no checklist item ${itemId}`, { id: itemId });
        if (await tx.get('task', taskId)) throw new DomainError('already_exists', `task ${taskId} already exists`, { id: taskId });
        const dueHours = bandDueHours[item.band];
        await tx.put('task', {
          id: taskId,
          space: ctx.space,
          incidentId: args.incidentId,
          title: item.text,
          description: '',
          section: position.section,
          assignee: args.assignee ?? { kind: 'position', positionId: args.positionId },
          priority: item.band === 'immediate' ? 'high' : 'normal',
          ...(dueHours === null ? {} : { dueAt: from + dueHours * HOUR }),
          status: 'todo',
          order,
          checklist: [],
          comments: [],
          source: { positionId: args.positionId, itemId, batchId: args.id },
          createdAt: ctx.at,
          createdBy: ctx.actor.userId,
          updatedAt: ctx.at,
          statusBy: ctx.actor.userId,
          statusAt: ctx.at,
        });
        order = keyBetween(order, null);
      }
    },
  ),
};
