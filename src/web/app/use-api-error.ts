import { App as AntApp, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { isApiError } from './api-client';
import { useT } from './i18n';

/**
 * Shows a failed request to the user. The server's message is already in the user's language;
 * when it names a field that the form has, the message goes under that field.
 */
export function useApiErrorHandler() {
  const { message } = AntApp.useApp();
  const t = useT();
  return useCallback(
    <V>(error: unknown, form?: FormInstance<V>, fieldMap?: Record<string, string>) => {
      if (!isApiError(error)) {
        message.error(error instanceof Error ? error.message : t('error.unknown'));
        return;
      }
      if (error.status === 401 && error.code !== 'invalid_credentials') return; // handled by the auth layer
      const field = error.field ? (fieldMap?.[error.field] ?? error.field) : undefined;
      // getFieldsValue() lists exactly the fields this form renders, set or not.
      const known: unknown = form && field ? form.getFieldsValue() : undefined;
      // A nested field (`scores.innovation`) goes under the form's field at that path.
      const path = field?.split('.') ?? [];
      let at: unknown = known;
      for (const key of path)
        at =
          typeof at === 'object' && at !== null && Object.hasOwn(at, key)
            ? (at as Record<string, unknown>)[key]
            : undefined;
      const has =
        path.length > 1
          ? at !== undefined
          : typeof known === 'object' && known !== null && Object.hasOwn(known, field ?? '');
      if (form && field && has) {
        const name = (path.length > 1 ? path : field) as never;
        form.setFields([{ name, errors: [error.message] }]);
        form.scrollToField(name);
        return;
      }
      // A request id helps only when something broke on the server; a refusal explains itself.
      message.error(
        error.status >= 500 && error.requestId ? `${error.message} (${error.requestId})` : error.message,
      );
    },
    [message, t],
  );
}
