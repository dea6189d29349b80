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
import { THEME_TOKENS } from './theme';

export { THEME_TOKENS } from './theme';

/** Ant Design's own texts (pagination, date pickers, empty states) follow the chosen language. */
function Providers() {
  const { locale } = useLocale();
  return (
    <ConfigProvider
      locale={locale === 'en' ? enUS : zhCN}
      theme={{ token: THEME_TOKENS }}
      // 「登录」, not 「登 录」: the spaced form reads oddly and breaks accessible names.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <AuthProvider>
          {/*
            Address changes (a list's filters, page and tab, all kept in the URL) commit at once
            instead of as React transitions: a transition keeps the previous screen up, clickable,
            until the new one is ready, and every data update arriving meanwhile restarts it — on a
            busy machine a clerk who picked a call went on clicking the rows of the previous list
            for seconds, and a click on a row being torn down was lost. A page not yet loaded shows
            the layout's loading state instead.
          */}
          <RouterProvider router={router} useTransitions={false} />
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
