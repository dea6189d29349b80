import { Form, type FormInstance, Input, theme } from 'antd';
import type { Rule } from 'antd/es/form';
import { normaliseUscc, validateUscc } from '../../../../domain/identifiers';
import { pick } from '../../../../domain/message';
import { useLocale, useT } from '../../../app/i18n';

/**
 * The code with the character the check names picked out, so a clerk copying from a licence sees
 * at once which one to look at again.
 */
function UsccRuler({ value }: { value: string }) {
  const t = useT();
  const { token } = theme.useToken();
  const code = normaliseUscc(value);
  const result = validateUscc(code);
  if (result.ok) {
    return (
      <span style={{ color: token.colorSuccess }} data-testid="uscc-ok">
        {t('registry.uscc.ok', { orgCode: result.orgCode, region: result.registrarRegion })}
      </span>
    );
  }
  if (!result.position) return null;
  return (
    <span data-testid="uscc-ruler" aria-hidden style={{ fontFamily: token.fontFamilyCode, letterSpacing: 1 }}>
      {[...code].map((ch, i) => {
        const wrong = i + 1 === result.position;
        return (
          <span
            // biome-ignore lint/suspicious/noArrayIndexKey: characters of a fixed code, by position
            key={i}
            style={
              wrong
                ? {
                    color: token.colorError,
                    fontWeight: 700,
                    textDecoration: 'underline wavy',
                    background: token.colorErrorBg,
                  }
                : undefined
            }
          >
            {ch}
          </span>
        );
      })}
    </span>
  );
}

/** 统一社会信用代码, checked as it is typed with the domain validator (GB 32100 + GB 11714). */
export function UsccField<V>({ form, disabled }: { form: FormInstance<V>; disabled?: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const value = Form.useWatch('uscc' as never, form) as string | undefined;
  const rules: Rule[] = [
    {
      validator: async (_, input: string | undefined) => {
        const result = validateUscc(input ?? '');
        if (!result.ok) throw new Error(pick(result.reason, locale));
      },
    },
  ];
  return (
    <Form.Item
      label={t('registry.org.uscc')}
      name="uscc"
      required
      rules={rules}
      validateDebounce={250}
      normalize={(v: string | undefined) => (v === undefined ? v : normaliseUscc(v))}
      extra={value ? <UsccRuler value={value} /> : t('registry.uscc.hint')}
    >
      <Input
        maxLength={24}
        disabled={disabled}
        autoComplete="off"
        spellCheck={false}
        style={{ fontFamily: 'monospace', letterSpacing: 1 }}
        placeholder={t('registry.uscc.placeholder')}
      />
    </Form.Item>
  );
}
