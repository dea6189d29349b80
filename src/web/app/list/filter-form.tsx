import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Form, type FormInstance, Space } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n';

/** Filters above a list: inline fields, then 查询 and 重置. Empty fields are left out of the query. */
export function FilterForm<F extends object>({
  name,
  form,
  onApply,
  children,
  label,
}: {
  /** Prefixes field ids, so a filter field and a dialog field of the same name stay distinct. */
  name: string;
  form: FormInstance<F>;
  onApply: (values: F) => void;
  children: ReactNode;
  /** Accessible name of the filter region. */
  label: string;
}) {
  const t = useT();
  const apply = (values: F) => onApply(compact(values));
  return (
    <search aria-label={label}>
      <Form<F>
        name={name}
        form={form}
        layout="inline"
        onFinish={apply}
        style={{ rowGap: 12, marginBottom: 16 }}
      >
        {children}
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t('list.search')}
            </Button>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                form.resetFields();
                apply(form.getFieldsValue());
              }}
            >
              {t('list.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
    </search>
  );
}

function compact<F extends object>(values: F): F {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') {
      const trimmed = value.trim();
      if (trimmed) out[key] = trimmed;
      continue;
    }
    out[key] = value;
  }
  return out as F;
}
