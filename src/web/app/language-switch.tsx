import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useLocale } from './i18n';

/** Shows the other language by its own name, so a reader of either can find it. */
export function LanguageSwitch({ type = 'text' }: { type?: 'text' | 'default' }) {
  const { locale, setLocale } = useLocale();
  const next = locale === 'en' ? 'zh' : 'en';
  return (
    <Button
      type={type}
      icon={<GlobalOutlined />}
      lang={next === 'en' ? 'en' : 'zh-CN'}
      onClick={() => setLocale(next)}
    >
      {next === 'en' ? 'English' : '中文'}
    </Button>
  );
}
