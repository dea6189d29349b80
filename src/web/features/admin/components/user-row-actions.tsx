import { App as AntApp, Button, Popconfirm, Space } from 'antd';
import type { User } from '../../../../domain/contracts/admin';
import { isLockedNow } from '../../../app/format';
import { type MessageKey, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { type UserAction, useUserAction } from '../api';

const DONE: Record<UserAction, MessageKey> = {
  disable: 'users.disabled',
  enable: 'users.enabled',
  unlock: 'users.unlocked',
};

export function UserRowActions({
  user,
  onEdit,
  onResetPassword,
}: {
  user: User;
  onEdit: () => void;
  onResetPassword: () => void;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const action = useUserAction();
  const pendingAction = action.isPending ? action.variables?.action : undefined;

  const run = (kind: UserAction) =>
    action.mutateAsync({ id: user.id, action: kind }).then(
      () => {
        message.success(t(DONE[kind], { name: user.displayName }));
      },
      (error: unknown) => onError(error),
    );

  const active = user.status === 'active';
  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={onEdit}>
        {t('common.edit')}
      </Button>
      {active ? (
        <Popconfirm
          title={t('users.disableConfirm', { name: user.displayName })}
          description={t('users.disableConfirmDetail')}
          okText={t('users.disable')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => run('disable')}
        >
          <Button type="link" size="small" danger loading={pendingAction === 'disable'}>
            {t('users.disable')}
          </Button>
        </Popconfirm>
      ) : (
        <Popconfirm
          title={t('users.enableConfirm', { name: user.displayName })}
          okText={t('users.enable')}
          cancelText={t('common.cancel')}
          onConfirm={() => run('enable')}
        >
          <Button type="link" size="small" loading={pendingAction === 'enable'}>
            {t('users.enable')}
          </Button>
        </Popconfirm>
      )}
      <Button type="link" size="small" onClick={onResetPassword}>
        {t('users.resetPassword')}
      </Button>
      {isLockedNow(user.lockedUntil) && (
        <Popconfirm
          title={t('users.unlockConfirm', { name: user.displayName })}
          okText={t('users.unlock')}
          cancelText={t('common.cancel')}
          onConfirm={() => run('unlock')}
        >
          <Button type="link" size="small" loading={pendingAction === 'unlock'}>
            {t('users.unlock')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
