import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useCallback } from 'react';
import { RouterProvider } from 'react-router';
import { AuthProvider } from './auth-context';
import { LocaleProvider, useLocale } from './i18n';
import { queryClient } from './query-client';
import { router } from './router';

/** Ant Design's own texts (pagination, date pickers, empty states) follow the chosen language. */
function Providers() {
  const { locale } = useLocale();
  return (
    <ConfigProvider
      locale={locale === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#1f5fbf', borderRadius: 6 } }}
      // 「登录」, not 「登 录」: the spaced form reads oddly and breaks accessible names.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function Root() {
  // Server-made texts (error messages, names) come in the request's language: fetch them again.
  const onLocaleChange = useCallback(() => {
    void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
  }, []);
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider onChange={onLocaleChange}>
        <Providers />
      </LocaleProvider>
    </QueryClientProvider>
  );
}
