// The functions of the `qrcode` package the server uses (it ships no types of its own).
declare module 'qrcode' {
  const QRCode: {
    toString(
      text: string,
      options: { type: 'svg'; errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H'; margin?: number },
    ): Promise<string>;
    toBuffer(
      text: string,
      options: { type: 'png'; errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H'; margin?: number; width?: number },
    ): Promise<Buffer>;
  };
  export default QRCode;
}
