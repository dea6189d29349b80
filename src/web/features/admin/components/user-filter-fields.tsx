import { Form, Input, Select } from 'antd';
import { ROLE_CODES, ROLE_NAMES } from '../../../../domain/roles';
import { useMsg, useT } from '../../../app/i18n';

/**
 * The keyword and role filters both user lists start with. `noRoleLabel` names the 'none' choice
 * the way each page speaks of it (未分配角色 on the user list, 待授权 on the grants page).
 */
export function UserFilterFields({ noRoleLabel }: { noRoleLabel: string }) {
  const t = useT();
  const pickMsg = useMsg();
  return (
    <>
      <Form.Item label={t('users.keyword')} name="q">
        <Input allowClear placeholder={t('users.keywordPlaceholder')} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label={t('users.role')} name="role">
        <Select
          allowClear
          placeholder={t('common.all')}
          style={{ width: 180 }}
          options={[
            { value: 'none', label: noRoleLabel },
            ...ROLE_CODES.map((code) => ({ value: code, label: pickMsg(ROLE_NAMES[code]) })),
          ]}
        />
      </Form.Item>
    </>
  );
}
