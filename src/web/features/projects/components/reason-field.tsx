import { Form, Input } from 'antd';
import { useT } from '../../../app/i18n';

/** The short written reason a reviewer gives when declining or replacing an assignment (2–500 characters). */
export function ReasonField() {
  const t = useT();
  return (
    <Form.Item
      label={t('projects.action.reason')}
      name="reason"
      rules={[
        { required: true, whitespace: true, message: t('projects.action.reasonRequired') },
        { min: 2, max: 500 },
      ]}
    >
      <Input.TextArea rows={3} maxLength={500} showCount />
    </Form.Item>
  );
}
