// @ewsjs/ntlm-client ships no types; only the three functions the NTLM handshake uses.
declare module '@ewsjs/ntlm-client' {
  export interface Type2Message {
    readonly challenge: Buffer;
  }
  export function createType1Message(workstation?: string, target?: string): string;
  export function decodeType2Message(header: string | undefined): Type2Message;
  export function createType3Message(type2: Type2Message, username: string, password: string, workstation?: string, target?: string): string;
}
