import { ExchangeError } from '../errors/exchange.error.js';

/**
 * Windows time zone ids (what Exchange stores) → IANA zones, after CLDR's windowsZones.xml.
 * The first IANA zone of each row is CLDR's territory "001" (golden) zone and the one we return;
 * the others are the further zones CLDR maps onto the same Windows id, plus legacy aliases.
 */
const WINDOWS_TO_IANA: Record<string, readonly string[]> = {
  // Europe, Africa, Middle East
  UTC: ['Etc/UTC', 'UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Etc/Zulu'],
  'GMT Standard Time': ['Europe/London', 'Europe/Dublin', 'Europe/Lisbon', 'Europe/Guernsey', 'Europe/Isle_of_Man', 'Europe/Jersey', 'Atlantic/Canary', 'Atlantic/Faroe', 'Atlantic/Madeira'],
  'Greenwich Standard Time': ['Atlantic/Reykjavik', 'Africa/Abidjan', 'Africa/Accra', 'Africa/Dakar'],
  'W. Europe Standard Time': [
    'Europe/Berlin', 'Europe/Amsterdam', 'Europe/Andorra', 'Europe/Busingen', 'Europe/Gibraltar', 'Europe/Luxembourg', 'Europe/Malta',
    'Europe/Monaco', 'Europe/Oslo', 'Europe/Rome', 'Europe/San_Marino', 'Europe/Stockholm', 'Europe/Vaduz', 'Europe/Vatican',
    'Europe/Vienna', 'Europe/Zurich', 'Arctic/Longyearbyen',
  ],
  'Central Europe Standard Time': ['Europe/Budapest', 'Europe/Belgrade', 'Europe/Bratislava', 'Europe/Ljubljana', 'Europe/Podgorica', 'Europe/Prague', 'Europe/Tirane'],
  'Romance Standard Time': ['Europe/Paris', 'Europe/Brussels', 'Europe/Copenhagen', 'Europe/Madrid', 'Africa/Ceuta'],
  'Central European Standard Time': ['Europe/Warsaw', 'Europe/Sarajevo', 'Europe/Skopje', 'Europe/Zagreb'],
  'GTB Standard Time': ['Europe/Bucharest', 'Europe/Athens', 'Asia/Nicosia', 'Asia/Famagusta', 'Europe/Nicosia'],
  'FLE Standard Time': ['Europe/Kiev', 'Europe/Kyiv', 'Europe/Helsinki', 'Europe/Mariehamn', 'Europe/Riga', 'Europe/Sofia', 'Europe/Tallinn', 'Europe/Vilnius', 'Europe/Uzhgorod', 'Europe/Zaporozhye'],
  'E. Europe Standard Time': ['Europe/Chisinau'],
  'Kaliningrad Standard Time': ['Europe/Kaliningrad'],
  'Russian Standard Time': ['Europe/Moscow', 'Europe/Kirov', 'Europe/Simferopol'],
  'Belarus Standard Time': ['Europe/Minsk'],
  'Turkey Standard Time': ['Europe/Istanbul', 'Asia/Istanbul'],
  'Astrakhan Standard Time': ['Europe/Astrakhan', 'Europe/Ulyanovsk'],
  'Saratov Standard Time': ['Europe/Saratov'],
  'Volgograd Standard Time': ['Europe/Volgograd'],
  'Russia Time Zone 3': ['Europe/Samara'],
  'Azores Standard Time': ['Atlantic/Azores'],
  'Cape Verde Standard Time': ['Atlantic/Cape_Verde'],
  'Morocco Standard Time': ['Africa/Casablanca', 'Africa/El_Aaiun'],
  'W. Central Africa Standard Time': ['Africa/Lagos', 'Africa/Algiers', 'Africa/Tunis'],
  'South Africa Standard Time': ['Africa/Johannesburg', 'Africa/Harare', 'Africa/Maputo'],
  'E. Africa Standard Time': ['Africa/Nairobi', 'Africa/Addis_Ababa', 'Africa/Dar_es_Salaam'],
  'Egypt Standard Time': ['Africa/Cairo'],
  'Israel Standard Time': ['Asia/Jerusalem', 'Asia/Tel_Aviv'],
  'Jordan Standard Time': ['Asia/Amman'],
  'Middle East Standard Time': ['Asia/Beirut'],
  'Syria Standard Time': ['Asia/Damascus'],
  'Arabic Standard Time': ['Asia/Baghdad'],
  'Arab Standard Time': ['Asia/Riyadh', 'Asia/Kuwait', 'Asia/Aden', 'Asia/Bahrain', 'Asia/Qatar'],
  'Arabian Standard Time': ['Asia/Dubai', 'Asia/Muscat'],
  'Iran Standard Time': ['Asia/Tehran'],
  'Azerbaijan Standard Time': ['Asia/Baku'],
  'Georgian Standard Time': ['Asia/Tbilisi'],
  'Caucasus Standard Time': ['Asia/Yerevan'],
  // Americas
  'Eastern Standard Time': [
    'America/New_York', 'America/Detroit', 'America/Indiana/Petersburg', 'America/Indiana/Vincennes', 'America/Indiana/Winamac',
    'America/Kentucky/Louisville', 'America/Kentucky/Monticello', 'America/Louisville', 'America/Toronto', 'America/Nassau', 'US/Eastern', 'EST5EDT',
  ],
  'US Eastern Standard Time': ['America/Indianapolis', 'America/Indiana/Indianapolis', 'America/Indiana/Marengo', 'America/Indiana/Vevay'],
  'Central Standard Time': [
    'America/Chicago', 'America/Indiana/Knox', 'America/Indiana/Tell_City', 'America/Menominee', 'America/North_Dakota/Beulah',
    'America/North_Dakota/Center', 'America/North_Dakota/New_Salem', 'America/Winnipeg', 'America/Matamoros', 'US/Central', 'CST6CDT',
  ],
  'Mountain Standard Time': ['America/Denver', 'America/Boise', 'America/Edmonton', 'America/Ciudad_Juarez', 'US/Mountain', 'MST7MDT'],
  'US Mountain Standard Time': ['America/Phoenix', 'America/Creston', 'US/Arizona'],
  'Pacific Standard Time': ['America/Los_Angeles', 'America/Vancouver', 'US/Pacific', 'PST8PDT'],
  'Alaskan Standard Time': ['America/Anchorage', 'America/Juneau', 'America/Metlakatla', 'America/Nome', 'America/Sitka', 'America/Yakutat', 'US/Alaska'],
  'Aleutian Standard Time': ['America/Adak'],
  'Hawaiian Standard Time': ['Pacific/Honolulu', 'US/Hawaii'],
  'Atlantic Standard Time': ['America/Halifax', 'America/Glace_Bay', 'America/Goose_Bay', 'America/Moncton', 'Atlantic/Bermuda'],
  'Newfoundland Standard Time': ['America/St_Johns'],
  'Canada Central Standard Time': ['America/Regina', 'America/Swift_Current'],
  'Central Standard Time (Mexico)': ['America/Mexico_City', 'America/Bahia_Banderas', 'America/Merida', 'America/Monterrey'],
  'SA Pacific Standard Time': ['America/Bogota', 'America/Lima', 'America/Guayaquil'],
  'E. South America Standard Time': ['America/Sao_Paulo'],
  'Argentina Standard Time': ['America/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
  'Pacific SA Standard Time': ['America/Santiago'],
  // Asia
  'India Standard Time': ['Asia/Calcutta', 'Asia/Kolkata'],
  'Sri Lanka Standard Time': ['Asia/Colombo'],
  'Nepal Standard Time': ['Asia/Katmandu', 'Asia/Kathmandu'],
  'Pakistan Standard Time': ['Asia/Karachi'],
  'Afghanistan Standard Time': ['Asia/Kabul'],
  'West Asia Standard Time': ['Asia/Tashkent', 'Asia/Samarkand', 'Asia/Dushanbe'],
  'Ekaterinburg Standard Time': ['Asia/Yekaterinburg'],
  'Central Asia Standard Time': ['Asia/Almaty', 'Asia/Bishkek'],
  'Bangladesh Standard Time': ['Asia/Dhaka', 'Asia/Thimphu'],
  'Myanmar Standard Time': ['Asia/Rangoon', 'Asia/Yangon'],
  'N. Central Asia Standard Time': ['Asia/Novosibirsk'],
  'SE Asia Standard Time': ['Asia/Bangkok', 'Asia/Jakarta', 'Asia/Saigon', 'Asia/Ho_Chi_Minh', 'Asia/Phnom_Penh', 'Asia/Vientiane'],
  'North Asia Standard Time': ['Asia/Krasnoyarsk'],
  'China Standard Time': ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Chongqing', 'PRC'],
  'Singapore Standard Time': ['Asia/Singapore', 'Asia/Kuala_Lumpur', 'Asia/Manila', 'Asia/Makassar', 'Asia/Brunei'],
  'Taipei Standard Time': ['Asia/Taipei'],
  'North Asia East Standard Time': ['Asia/Irkutsk'],
  'Ulaanbaatar Standard Time': ['Asia/Ulaanbaatar'],
  'Tokyo Standard Time': ['Asia/Tokyo', 'Japan'],
  'Korea Standard Time': ['Asia/Seoul'],
  'Yakutsk Standard Time': ['Asia/Yakutsk'],
  'Vladivostok Standard Time': ['Asia/Vladivostok'],
  // Australia, Pacific
  'W. Australia Standard Time': ['Australia/Perth'],
  'AUS Central Standard Time': ['Australia/Darwin'],
  'Aus Central W. Standard Time': ['Australia/Eucla'],
  'Cen. Australia Standard Time': ['Australia/Adelaide', 'Australia/Broken_Hill'],
  'E. Australia Standard Time': ['Australia/Brisbane', 'Australia/Lindeman'],
  'AUS Eastern Standard Time': ['Australia/Sydney', 'Australia/Melbourne', 'Australia/Canberra', 'Australia/ACT', 'Australia/NSW'],
  'Tasmania Standard Time': ['Australia/Hobart', 'Australia/Currie'],
  'Lord Howe Standard Time': ['Australia/Lord_Howe'],
  'West Pacific Standard Time': ['Pacific/Port_Moresby', 'Pacific/Guam'],
  'New Zealand Standard Time': ['Pacific/Auckland', 'Antarctica/McMurdo'],
  'Fiji Standard Time': ['Pacific/Fiji'],
};

const IANA_TO_WINDOWS = new Map<string, string>();
for (const [windows, zones] of Object.entries(WINDOWS_TO_IANA)) {
  for (const zone of zones) IANA_TO_WINDOWS.set(zone.toLowerCase(), windows);
}
const WINDOWS_BY_LOWER = new Map(Object.keys(WINDOWS_TO_IANA).map((w) => [w.toLowerCase(), w]));

export const WINDOWS_TIME_ZONES: readonly string[] = Object.keys(WINDOWS_TO_IANA);

/** The IANA zone for a Windows id (CLDR's golden zone). Unknown ids throw: guessing would shift meetings. */
export function windowsToIana(windowsId: string): string {
  const canonical = WINDOWS_BY_LOWER.get(windowsId.trim().toLowerCase());
  const zone = canonical ? WINDOWS_TO_IANA[canonical]?.[0] : undefined;
  if (!zone) throw new ExchangeError('EXCHANGE_UNEXPECTED_RESPONSE', `unknown Windows time zone "${windowsId}"`);
  return zone;
}

/** The Windows id for an IANA zone (or a Windows id passed through). Unknown zones throw EXCHANGE_BAD_INPUT. */
export function ianaToWindows(zone: string): string {
  const key = zone.trim().toLowerCase();
  const windows = IANA_TO_WINDOWS.get(key) ?? WINDOWS_BY_LOWER.get(key);
  if (!windows) throw new ExchangeError('EXCHANGE_BAD_INPUT', `no Windows time zone known for "${zone}"`);
  return windows;
}
