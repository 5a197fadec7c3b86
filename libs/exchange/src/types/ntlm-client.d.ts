// @ewsjs/ntlm-client ships no types; only the three functions the NTLM handshake uses. It is
// CommonJS assigning module.exports = {…}, which Node's ESM loader exposes as the default export only.
declare module '@ewsjs/ntlm-client' {
  export interface Type2Message {
    readonly challenge: Buffer;
  }
  const ntlm: {
    createType1Message(workstation?: string, target?: string): string;
    decodeType2Message(header: string | undefined): Type2Message;
    createType3Message(type2: Type2Message, username: string, password: string, workstation?: string, target?: string): string;
  };
  export default ntlm;
}
