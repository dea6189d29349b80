// The one function of the `qrcode` package the server uses (it ships no types of its own).
declare module 'qrcode' {
  const QRCode: {
    toString(
      text: string,
      options: { type: 'svg'; errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H'; margin?: number },
    ): Promise<string>;
  };
  export default QRCode;
}
