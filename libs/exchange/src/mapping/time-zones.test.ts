import { describe, expect, it } from 'vitest';
import { ewsTimeZone } from './appointment.mapper.js';
import { ianaToWindows, windowsToIana, WINDOWS_TIME_ZONES } from './time-zones.js';

const supported = new Set(Intl.supportedValuesOf('timeZone'));
const known = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

describe('Windows ⇄ IANA time zones', () => {
  it('maps the common European, US, Asian and Australian zones', () => {
    expect(ianaToWindows('Europe/Berlin')).toBe('W. Europe Standard Time');
    expect(ianaToWindows('Europe/Vienna')).toBe('W. Europe Standard Time');
    expect(ianaToWindows('Europe/Paris')).toBe('Romance Standard Time');
    expect(ianaToWindows('Europe/London')).toBe('GMT Standard Time');
    expect(ianaToWindows('Europe/Warsaw')).toBe('Central European Standard Time');
    expect(ianaToWindows('Europe/Prague')).toBe('Central Europe Standard Time');
    expect(ianaToWindows('Europe/Helsinki')).toBe('FLE Standard Time');
    expect(ianaToWindows('Europe/Kyiv')).toBe('FLE Standard Time');
    expect(ianaToWindows('Europe/Athens')).toBe('GTB Standard Time');
    expect(ianaToWindows('Europe/Istanbul')).toBe('Turkey Standard Time');
    expect(ianaToWindows('Europe/Moscow')).toBe('Russian Standard Time');
    expect(ianaToWindows('America/New_York')).toBe('Eastern Standard Time');
    expect(ianaToWindows('America/Chicago')).toBe('Central Standard Time');
    expect(ianaToWindows('America/Denver')).toBe('Mountain Standard Time');
    expect(ianaToWindows('America/Phoenix')).toBe('US Mountain Standard Time');
    expect(ianaToWindows('America/Los_Angeles')).toBe('Pacific Standard Time');
    expect(ianaToWindows('Pacific/Honolulu')).toBe('Hawaiian Standard Time');
    expect(ianaToWindows('Asia/Tokyo')).toBe('Tokyo Standard Time');
    expect(ianaToWindows('Asia/Shanghai')).toBe('China Standard Time');
    expect(ianaToWindows('Asia/Kolkata')).toBe('India Standard Time');
    expect(ianaToWindows('Asia/Singapore')).toBe('Singapore Standard Time');
    expect(ianaToWindows('Asia/Dubai')).toBe('Arabian Standard Time');
    expect(ianaToWindows('Australia/Sydney')).toBe('AUS Eastern Standard Time');
    expect(ianaToWindows('Australia/Perth')).toBe('W. Australia Standard Time');
    expect(ianaToWindows('Pacific/Auckland')).toBe('New Zealand Standard Time');
    expect(ianaToWindows('UTC')).toBe('UTC');
  });

  it('answers CLDR golden zones for Windows ids, case-insensitively', () => {
    expect(windowsToIana('W. Europe Standard Time')).toBe('Europe/Berlin');
    expect(windowsToIana('w. europe standard time')).toBe('Europe/Berlin');
    expect(windowsToIana('Eastern Standard Time')).toBe('America/New_York');
    expect(windowsToIana('AUS Eastern Standard Time')).toBe('Australia/Sydney');
    expect(windowsToIana('India Standard Time')).toBe('Asia/Calcutta');
  });

  it('round-trips every Windows id and every golden zone is a real IANA zone', () => {
    for (const windows of WINDOWS_TIME_ZONES) {
      const zone = windowsToIana(windows);
      expect(known(zone) || supported.has(zone), zone).toBe(true);
      expect(ianaToWindows(zone)).toBe(windows);
    }
  });

  it('covers every European, Australian and US zone this Node knows, and the major Asian ones', () => {
    const wanted = Intl.supportedValuesOf('timeZone').filter(
      (z) => /^(Europe|Australia)\//.test(z) || /^America\/(New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Adak|Boise|Detroit|Indiana|Kentucky|North_Dakota|Juneau|Sitka|Nome|Yakutat|Metlakatla|Menominee)/.test(z),
    );
    const asia = ['Asia/Tokyo', 'Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Singapore', 'Asia/Seoul', 'Asia/Kolkata', 'Asia/Dubai', 'Asia/Bangkok', 'Asia/Jakarta', 'Asia/Manila', 'Asia/Taipei', 'Asia/Karachi', 'Asia/Riyadh', 'Asia/Jerusalem'];
    const unmapped = [...wanted, ...asia, 'Pacific/Honolulu'].filter((z) => {
      try {
        ianaToWindows(z);
        return false;
      } catch {
        return true;
      }
    });
    expect(unmapped).toEqual([]);
  });

  it('accepts a Windows id where an IANA zone is expected and refuses unknown zones', () => {
    expect(ianaToWindows('Romance Standard Time')).toBe('Romance Standard Time');
    expect(() => ianaToWindows('Mars/Olympus_Mons')).toThrow(expect.objectContaining({ code: 'EXCHANGE_BAD_INPUT' }));
    expect(() => windowsToIana('Atlantis Standard Time')).toThrow(expect.objectContaining({ code: 'EXCHANGE_UNEXPECTED_RESPONSE' }));
  });

  it('gives ews-javascript-api a zone object for every Windows id but the two it lacks', () => {
    const unwritable = WINDOWS_TIME_ZONES.filter((w) => {
      try {
        return ewsTimeZone(windowsToIana(w)).Id !== w;
      } catch (err) {
        expect(err).toMatchObject({ code: 'EXCHANGE_BAD_INPUT' });
        return true;
      }
    });
    expect(unwritable).toEqual(['Saratov Standard Time', 'Volgograd Standard Time']);
  });
});
