import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, first, NS, SimHarness } from '../test-support/sim-harness.test-support.js';

let sim: SimHarness;

beforeAll(async () => {
  sim = await SimHarness.start();
  await sim.mailbox('alice@test.example');
});

afterAll(async () => {
  expect(await sim.schema.validate()).toEqual([]);
  await sim.close();
});

const events = (reply: Awaited<ReturnType<SimHarness['ews']>>) => first(reply.doc, 'Notification')!.children.map((c) => c.local).filter((n) => n.endsWith('Event'));

describe('pull subscriptions', () => {
  it('reports new mail, changes and deletions since the watermark', async () => {
    const sub = await sim.ews(
      `<m:Subscribe ${NS}><m:PullSubscriptionRequest><t:FolderIds><t:DistinguishedFolderId Id="inbox"/></t:FolderIds>` +
        '<t:EventTypes><t:EventType>NewMailEvent</t:EventType><t:EventType>CreatedEvent</t:EventType><t:EventType>ModifiedEvent</t:EventType><t:EventType>DeletedEvent</t:EventType></t:EventTypes>' +
        '<t:Timeout>10</t:Timeout></m:PullSubscriptionRequest></m:Subscribe>',
    );
    expect(codes(sub)).toEqual(['NoError']);
    const id = first(sub.doc, 'SubscriptionId')!.text;
    const get = (watermark: string) => sim.ews(`<m:GetEvents ${NS}><m:SubscriptionId>${id}</m:SubscriptionId><m:Watermark>${watermark}</m:Watermark></m:GetEvents>`);
    const quiet = await get(first(sub.doc, 'Watermark')!.text);
    expect(events(quiet)).toEqual(['StatusEvent']);
    const seeded = await sim.admin<{ ids: { id: string }[] }>('POST', '/mailboxes/alice@test.example/items', { items: [{ kind: 'message', fields: { Subject: 'new' } }] });
    const itemId = seeded.body.ids[0]!.id;
    const created = await get(first(quiet.doc, 'Watermark')!.text);
    expect(events(created)).toEqual(['CreatedEvent', 'NewMailEvent']);
    await sim.admin('PATCH', `/items/${encodeURIComponent(itemId)}`, { fields: { IsRead: true } });
    await sim.admin('DELETE', `/items/${encodeURIComponent(itemId)}`);
    const lastWatermark = first(created.doc, 'Notification')!.children.filter((c) => c.local.endsWith('Event')).map((c) => first(c, 'Watermark')!.text).at(-1)!;
    const changed = await get(lastWatermark);
    expect(events(changed)).toEqual(['ModifiedEvent', 'DeletedEvent']);
    expect(codes(await sim.ews(`<m:Unsubscribe ${NS}><m:SubscriptionId>${id}</m:SubscriptionId></m:Unsubscribe>`))).toEqual(['NoError']);
    expect(codes(await get(lastWatermark))).toEqual(['ErrorSubscriptionNotFound']);
  });
});
