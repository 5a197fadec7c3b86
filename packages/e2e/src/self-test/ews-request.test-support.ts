/** A hand-written EWS CreateItem (a calendar item) as any EWS client would send it: a counted write. */
export async function createCalendarItemViaEws(ewsUrl: string, account: { username: string; password: string }, mailbox: string, subject: string): Promise<string> {
  const body = `<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">
  <soap:Header>
    <t:RequestServerVersion Version="Exchange2013_SP1"/>
    <t:ExchangeImpersonation><t:ConnectingSID><t:PrimarySmtpAddress>${mailbox}</t:PrimarySmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>
  </soap:Header>
  <soap:Body>
    <m:CreateItem SendMeetingInvitations="SendToNone">
      <m:SavedItemFolderId><t:DistinguishedFolderId Id="calendar"/></m:SavedItemFolderId>
      <m:Items><t:CalendarItem><t:Subject>${subject}</t:Subject><t:Start>2026-12-01T09:00:00Z</t:Start><t:End>2026-12-01T10:00:00Z</t:End></t:CalendarItem></m:Items>
    </m:CreateItem>
  </soap:Body>
</soap:Envelope>`;
  const response = await fetch(ewsUrl, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', authorization: `Basic ${Buffer.from(`${account.username}:${account.password}`).toString('base64')}` },
    body,
  });
  const text = await response.text();
  if (!response.ok || !text.includes('ResponseClass="Success"')) throw new Error(`CreateItem failed (${response.status}): ${text.slice(0, 500)}`);
  return text;
}
