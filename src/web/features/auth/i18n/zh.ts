/** Sign-in texts of the second factor in Chinese (keys `auth.mfa.*`); en.ts beside it must match. */
export const zh = {
  'auth.mfa.enrolTitle': '绑定身份验证器',
  'auth.mfa.enrolIntro':
    '您的账户须使用双因素认证。请用任一身份验证器应用（如 Microsoft Authenticator、Google Authenticator、FreeOTP）扫描二维码，或手动输入密钥，然后输入应用显示的 6 位验证码。',
  'auth.mfa.qrAlt': '身份验证器二维码',
  'auth.mfa.secret': '密钥',
  'auth.mfa.verifyTitle': '双因素认证',
  'auth.mfa.verifyIntro': '请输入身份验证器应用显示的 6 位验证码；手机不在身边时可输入一个恢复码。',
  'auth.mfa.code': '验证码',
  'auth.mfa.codeRequired': '请输入验证码',
  'auth.mfa.submit': '验证',
  'auth.mfa.back': '返回重新登录',
  'auth.mfa.recoveryTitle': '请保存恢复码',
  'auth.mfa.recoveryIntro':
    '手机丢失时，每个恢复码可代替验证码使用一次。请抄写或打印后妥善保存，本页离开后不再显示。',
  'auth.mfa.recoveryDone': '我已保存，继续',
};
