import { describe, expect, it } from 'vitest';
import { readRmAnswer, rmMessageRoot } from '../../../src/domain/edxl/rm-import';
import { DomainError } from '../../../src/domain/errors';
import { newId } from '../../../src/domain/ids';
import type { MutationContext } from '../../../src/domain/mutation';
import { runMutation } from '../../../src/domain/mutators';
import { makeActor } from '../../fixtures/actors';
import { makeMemoryTx } from '../../fixtures/memory-tx';

const answer = (lines: string, contacts: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rmsg:CommitResource xmlns:rmsg="urn:oasis:names:tc:emergency:EDXL:RM:1.0:msg" xmlns:rm="urn:oasis:names:tc:emergency:EDXL:RM:1.0">
  <rmsg:MessageID>county-commit-7</rmsg:MessageID>
  <rmsg:SentDateTime>2026-12-05T08:30:00Z</rmsg:SentDateTime>
  <rmsg:MessageContentType>CommitResource</rmsg:MessageContentType>
  <rmsg:OriginatingMessageID>urn:hcc:jiangbin-first:rr:abc</rmsg:OriginatingMessageID>
  <rmsg:PrecedingMessageID>county-response-6</rmsg:PrecedingMessageID>
  ${contacts}
  ${lines}
</rmsg:CommitResource>`;
const line = (id: number, type: string, amount: number, reason = '') => `<rmsg:ResourceInformation><rmsg:ResourceInfoElementID>${id}</rmsg:ResourceInfoElementID>
  <rmsg:ResponseInformation><rm:PrecedingResourceInfoElementID>1</rm:PrecedingResourceInfoElementID><rm:ResponseType>${type}</rm:ResponseType>${reason ? `<rm:ResponseReason>${reason}</rm:ResponseReason>` : ''}</rmsg:ResponseInformation>
  <rmsg:AssignmentInformation><rmsg:Quantity><rm:MeasuredQuantity><rm:Amount>${amount}</rm:Amount></rm:MeasuredQuantity></rmsg:Quantity></rmsg:AssignmentInformation></rmsg:ResourceInformation>`;
const contact = (description: string, role: string) => `<rmsg:ContactInformation><rm:ContactDescription>${description}</rm:ContactDescription><rm:ContactRole>${role}</rm:ContactRole></rmsg:ContactInformation>`;

describe('reading another hospital’s EDXL-RM answer', () => {
  it('names the message it answers, the responding organisation, and sums the units committed across lines', () => {
    const read = readRmAnswer(answer(line(1, 'Accept', 2) + line(2, 'Accept', 3), contact('County duty officer', 'Requester') + contact('Jiangbin County Hospital', 'RespondingOrg')), 'CommitResource');
    expect(read).toEqual({
      answers: 'urn:hcc:jiangbin-first:rr:abc',
      answer: { message: 'commit', messageId: 'county-commit-7', from: 'Jiangbin County Hospital', sentAt: Date.UTC(2026, 11, 5, 8, 30), response: 'Accept', qty: 5 },
    });
  });

  it('is a Decline, with its reason, when any line declines; Provisional when a line is neither', () => {
    expect(readRmAnswer(answer(line(1, 'Accept', 2) + line(2, 'Decline', 0, 'Cold chain broken'), contact('County', 'RespondingOrg')), 'CommitResource').answer).toMatchObject({ response: 'Decline', reason: 'Cold chain broken' });
    expect(readRmAnswer(answer(line(1, 'Accept', 2) + line(2, 'Provisional', 1), contact('County', 'RespondingOrg')), 'CommitResource').answer.response).toBe('Provisional');
  });

  it('finds the root element so import-rm can tell a request from an answer', () => {
    expect(rmMessageRoot(answer(line(1, 'Accept', 1), ''))).toBe('CommitResource');
    expect(rmMessageRoot('<?xml version="1.0"?><rmsg:RequestResource xmlns:rmsg="x"/>')).toBe('RequestResource');
  });
});

describe('request.recordMutualAidAnswer', () => {
  const T0 = Date.UTC(2026, 11, 5, 8, 0);
  const ctx = (o: Partial<MutationContext> = {}): MutationContext => ({ at: T0, actor: makeActor('logistics_chief'), space: 'demo-hospital', origin: 'server', ...o });
  const reply = { message: 'response' as const, messageId: 'county-response-1', from: 'Jiangbin County Hospital', sentAt: T0, response: 'Decline' as const, reason: 'No stock' };
  const refusalCode = (p: Promise<unknown>) => p.then(() => 'applied', (e: unknown) => (e instanceof DomainError ? e.code : String(e)));

  it('needs request.approve, refuses a request we received, and a repeated message as already_exists', async () => {
    const tx = makeMemoryTx();
    const id = newId();
    await runMutation(tx, 'request.raise', { id, item: 'N95', qty: 5, neededBy: T0, priority: 'routine', justification: 'restock', section: 'Planning' }, ctx());
    expect(await refusalCode(runMutation(tx, 'request.recordMutualAidAnswer', { id, answer: reply }, ctx({ actor: makeActor('operator') })))).toBe('forbidden');
    await runMutation(tx, 'request.recordMutualAidAnswer', { id, answer: reply }, ctx());
    expect(await refusalCode(runMutation(tx, 'request.recordMutualAidAnswer', { id, answer: reply }, ctx()))).toBe('already_exists');

    const received = newId();
    await runMutation(tx, 'request.receiveMutualAid', { id: received, item: 'N95', qty: 5, neededBy: T0, priority: 'high', justification: 'aid', section: 'Mutual aid', mutualAid: { direction: 'incoming', from: 'County', messageId: 'm-1', sentAt: T0 } }, ctx());
    expect(await refusalCode(runMutation(tx, 'request.recordMutualAidAnswer', { id: received, answer: reply }, ctx()))).toBe('invalid_args');
  });
});
