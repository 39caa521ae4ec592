import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { storageKinds } from '../../fixtures/server';
import { eventually, useStationsBehindProxies, type Station } from '../../fixtures/sync';
import { makeIncidentArgs } from '../../fixtures/workstation';
import { pdfText, squeeze } from '../reports/pdf-text';

const SPACE = 'demo-hospital';

describe.each(await storageKinds())('a final after-action report through a real server on %s', (storage) => {
  const rig = useStationsBehindProxies(storage, ['incident_commander']);
  const settled = (s: Station) => eventually(s.ws, () => s.ws.store.pendingCount() === 0, 20_000);
  const mutate = (s: Station, name: string, args: unknown) => s.ws.call('mutate', { name, args } as never);
  const aarOn = (s: Station) => s.ws.store.list('aar', SPACE)[0];

  it('refuses an edit made offline against a report finalised meanwhile with aar_final, keeps the final text, still takes corrective actions, and takes edits again once reopened with a reason', async () => {
    const a = await rig.station();
    const b = await rig.station();
    const incident = makeIncidentArgs();
    await mutate(a.s, 'incident.declare', incident);
    await mutate(a.s, 'incident.close', { id: incident.id, reason: 'Stood down' });
    await mutate(a.s, 'aar.draft', { incidentId: incident.id });
    const improvementId = newId();
    await mutate(a.s, 'aar.edit', { incidentId: incident.id, summary: 'Signed-off summary', improvements: [{ id: improvementId, text: 'Blood bank called late' }] });
    await settled(a.s);
    await eventually(b.s.ws, () => aarOn(b.s)?.summary === 'Signed-off summary', 20_000);

    b.net.setMode('down');
    await mutate(b.s, 'aar.edit', { incidentId: incident.id, summary: 'Rewritten offline' });
    expect(aarOn(b.s)?.summary).toBe('Rewritten offline');
    await mutate(a.s, 'aar.finalize', { incidentId: incident.id });
    await settled(a.s);

    b.net.setMode('up');
    await b.s.ws.call('sync.now', {});
    await eventually(b.s.ws, () => b.s.ws.sync.status().rejected.length === 1, 20_000);
    expect(b.s.ws.sync.status().rejected.map((r) => [r.name, r.code])).toEqual([['aar.edit', 'aar_final']]);
    await eventually(b.s.ws, () => aarOn(b.s)?.final !== undefined, 20_000);
    expect(aarOn(b.s)).toMatchObject({ summary: 'Signed-off summary', final: { by: rig.user.id } });
    // Refused on the desk too, now that it knows: the same rule runs in both places.
    await expect(mutate(b.s, 'aar.edit', { incidentId: incident.id, summary: 'again' })).rejects.toMatchObject({ error: { code: 'aar_final' } });

    const pdf = async (s: Station) => squeeze(await pdfText(Buffer.from((await s.ws.call('aar.pdf', { incidentId: incident.id, lang: 'en' })).pdfBase64, 'base64')));
    const finalPdf = await pdf(b.s);
    expect(finalPdf).toContain(`FINAL: ${rig.user.displayName}`);
    expect(finalPdf).not.toContain('DRAFT');

    const actionId = newId();
    await mutate(b.s, 'correctiveAction.add', { id: actionId, incidentId: incident.id, improvementId, action: 'Call the blood bank at activation', owner: 'Transfusion service', dueAt: Date.now() + 30 * 86_400_000 });
    await settled(b.s);
    await eventually(a.s.ws, () => a.s.ws.store.list('correctiveAction', SPACE).some((c) => c.id === actionId), 20_000);

    await expect(mutate(a.s, 'aar.reopen', { incidentId: incident.id, reason: '' })).rejects.toMatchObject({ error: { code: 'invalid_request', message: expect.stringContaining('reason') as string } });
    await mutate(a.s, 'aar.reopen', { incidentId: incident.id, reason: 'Casualty count corrected' });
    await settled(a.s);
    await eventually(b.s.ws, () => aarOn(b.s)?.final === undefined, 20_000);
    expect(aarOn(b.s)?.reopenings).toMatchObject([{ reason: 'Casualty count corrected', final: { by: rig.user.id } }]);
    await mutate(b.s, 'aar.edit', { incidentId: incident.id, summary: 'Corrected summary' });
    await settled(b.s);
    await eventually(a.s.ws, () => aarOn(a.s)?.summary === 'Corrected summary', 20_000);
    expect(b.s.ws.sync.status().rejected).toHaveLength(1);
    expect(await pdf(b.s)).toContain('DRAFT');
  });
});
