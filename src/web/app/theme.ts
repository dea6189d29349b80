/** The app's theme, shared by the signed-in app and the public portal (which loads nothing else of the app). */
/**
 * Colours that read (信息无障碍, WCAG 2 AA: 4.5:1 for text): antd's defaults give grey secondary
 * text, placeholders, links and green/orange/red status text below that on white and on their own
 * tinted backgrounds. The seed colours are darkened so every shade derived from them passes.
 */
export const THEME_TOKENS = {
  colorPrimary: '#1f5fbf',
  colorLink: '#1f5fbf',
  colorInfo: '#1f5fbf',
  colorSuccess: '#2b7a0b',
  colorWarning: '#8a5300',
  colorError: '#c41d1d',
  // Status tags put that text on these tints (kept light: derived from the darker seeds they grey).
  colorSuccessBg: '#f6ffed',
  colorSuccessBorder: '#b7eb8f',
  colorWarningBg: '#fffbe6',
  colorWarningBorder: '#ffe58f',
  colorErrorBg: '#fff2f0',
  colorErrorBorder: '#ffccc7',
  // Secondary and description text (antd: 45% black, 3.4:1) and placeholders (25% black).
  colorTextSecondary: 'rgba(0, 0, 0, 0.66)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
  colorTextDescription: 'rgba(0, 0, 0, 0.62)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
  // Preset tag colours: their text shade is derived from these.
  green: '#2b7a0b',
  orange: '#b35c00',
  gold: '#8a5300',
  red: '#c41d1d',
  volcano: '#c2410c',
  cyan: '#0b7f86',
  borderRadius: 6,
};
