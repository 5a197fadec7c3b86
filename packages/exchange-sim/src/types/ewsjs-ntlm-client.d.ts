declare module '@ewsjs/ntlm-client' {
  export interface Type2Message {
    flags: number;
    challenge: Buffer;
    targetName: string;
    version: number;
  }
  export function createType1Message(workstation?: string, target?: string): string;
  export function decodeType2Message(header: string): Type2Message;
  export function createType3Message(type2: Type2Message, username: string, password: string, workstation?: string, target?: string): string;
}
