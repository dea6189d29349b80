import { Alert, App as AntApp, Checkbox, Divider, Modal, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import {
  isPermission,
  type PermissionGroup,
  ROLE_NAMES,
  separationOfDutiesViolations,
} from '../../../../domain/roles';
import { errorMessage } from '../../../app/api-client';
import { useLocale, useMsg, useT } from '../../../app/i18n';
import { type PermissionInfo, type Role, usePermissionCatalogue, useUpdateRole } from '../api';
import { permissionLabel } from './permission-label';

const GROUP_ORDER: PermissionGroup[] = ['system', 'security', 'audit', 'business', 'self'];

export function RolePermissionsModal({ role, onClose }: { role: Role; onClose: () => void }) {
  const t = useT();
  const pickMsg = useMsg();
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const catalogue = usePermissionCatalogue();
  const update = useUpdateRole();
  const [selected, setSelected] = useState<string[]>(role.permissions);
  const roleName = pickMsg(ROLE_NAMES[role.code]);

  const groups = useMemo(() => {
    const byGroup = new Map<PermissionGroup, PermissionInfo[]>();
    for (const p of catalogue.data ?? []) byGroup.set(p.group, [...(byGroup.get(p.group) ?? []), p]);
    return GROUP_ORDER.filter((g) => byGroup.has(g)).map((g) => ({ group: g, items: byGroup.get(g) ?? [] }));
  }, [catalogue.data]);

  // 三员分立 is decided by the server; this only warns before it refuses.
  const violations = separationOfDutiesViolations(role.code, selected.filter(isPermission));

  const setGroup = (group: PermissionGroup, values: string[]) => {
    const inGroup = new Set((catalogue.data ?? []).filter((p) => p.group === group).map((p) => p.code));
    setSelected((prev) => [...prev.filter((code) => !inGroup.has(code)), ...values]);
    update.reset();
  };

  const onOk = () => {
    update.mutate(
      { code: role.code, body: { permissions: selected } },
      {
        onSuccess: () => {
          message.success(t('roles.saved', { role: roleName }));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('roles.editPermissionsOf', { role: roleName })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      onOk={onOk}
      onCancel={onClose}
      mask={{ closable: false }}
      width={640}
    >
      <Typography.Paragraph type="secondary">
        {t('roles.scopeLine', { scope: t(`scope.${role.scope}`) })}
      </Typography.Paragraph>
      {catalogue.isLoading && <Spin />}
      {catalogue.isError && <Alert type="error" showIcon title={catalogue.error.message} />}
      {groups.map(({ group, items }) => {
        const labelId = `permission-group-${group}`;
        return (
          <section key={group} aria-labelledby={labelId}>
            <Divider titlePlacement="start" plain>
              <span id={labelId}>{t(`permissionGroup.${group}`)}</span>
            </Divider>
            <Checkbox.Group
              value={selected.filter((code) => items.some((p) => p.code === code))}
              onChange={(values) => setGroup(group, values as string[])}
              options={items.map((p) => ({
                value: p.code,
                label: permissionLabel(p.code, locale, catalogue.data),
              }))}
            />
          </section>
        );
      })}
      {update.isError && (
        <Alert type="error" showIcon style={{ marginTop: 16 }} title={errorMessage(update.error, locale)} />
      )}
      {violations.length > 0 && !update.isError && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16 }}
          title={t('roles.separationWarning', {
            role: roleName,
            permissions: violations.map((p) => permissionLabel(p, locale)).join(t('common.listSeparator')),
          })}
        />
      )}
    </Modal>
  );
}
