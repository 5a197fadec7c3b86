export const NS_SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
export const NS_M = 'http://schemas.microsoft.com/exchange/services/2006/messages';
export const NS_T = 'http://schemas.microsoft.com/exchange/services/2006/types';
export const NS_E = 'http://schemas.microsoft.com/exchange/services/2006/errors';

/** What this server says it is: Exchange 2016 CU (schema V2017_07_11). */
export const SERVER_VERSION = {
  MajorVersion: 15,
  MinorVersion: 1,
  MajorBuildNumber: 2507,
  MinorBuildNumber: 6,
  Version: 'V2017_07_11',
} as const;

export const REQUEST_VERSIONS = new Set([
  'Exchange2007', 'Exchange2007_SP1', 'Exchange2009', 'Exchange2010', 'Exchange2010_SP1', 'Exchange2010_SP2',
  'Exchange2013', 'Exchange2013_SP1', 'Exchange2015', 'Exchange2016', 'V2015_10_05', 'V2016_01_06',
  'V2016_04_13', 'V2016_07_13', 'V2016_10_10', 'V2017_01_07', 'V2017_04_14', 'V2017_07_11',
]);
