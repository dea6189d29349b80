import { CameraOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Form, Input, Result, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { LOG_FLAG_NAMES } from '../../../../domain/agri';
import { useMsg, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { type ServiceLogDetail, useAddPhoto, useCreateLog, useDispatches } from '../api';

/** Now in China as a datetime-local value (2026-03-10T09:00). */
function chinaNow(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 16);
}

interface Values {
  dispatchId: string;
  when: string;
  place: string;
  content: string;
}

/**
 * 填报服务: the commissioner's phone page — one column, large controls — to log a visit on the spot:
 * the served party, the time, the place (and the phone's position when given), what was done and
 * a photo. The checks run as it is saved, and their findings are shown at once.
 */
export function LogVisitPage() {
  const t = useT();
  const pickMsg = useMsg();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const today = useMemo(() => chinaNow().slice(0, 10), []);
  const dispatches = useDispatches({ activeOn: today, pageSize: 50 });
  const create = useCreateLog();
  const addPhoto = useAddPhoto();
  const [coords, setCoords] = useState<{ lat: number; lng: number } | null>(null);
  const [photo, setPhoto] = useState<File | null>(null);
  const [saved, setSaved] = useState<ServiceLogDetail | null>(null);
  const options = useMemo(
    () => (dispatches.data?.items ?? []).map((d) => ({ value: d.id, label: d.servedName })),
    [dispatches.data],
  );
  // The one dispatch in force is the usual case: it is chosen once the list arrives.
  useEffect(() => {
    if (options.length > 0 && !form.getFieldValue('dispatchId'))
      form.setFieldValue('dispatchId', options[0].value);
  }, [options, form]);

  const locate = () =>
    navigator.geolocation?.getCurrentPosition(
      (p) => setCoords({ lat: p.coords.latitude, lng: p.coords.longitude }),
      () => message.warning(t('agri.visit.locateFailed')),
      { enableHighAccuracy: true, timeout: 10_000 },
    );

  const submit = async (v: Values) => {
    try {
      let detail = await create.mutateAsync({
        dispatchId: v.dispatchId,
        servedAt: `${v.when}:00+08:00`,
        place: v.place,
        content: v.content,
        lat: coords?.lat ?? null,
        lng: coords?.lng ?? null,
      });
      if (photo) detail = await addPhoto.mutateAsync({ id: detail.log.id, file: photo });
      setSaved(detail);
    } catch (error) {
      onError(error, form, { servedAt: 'when' });
    }
  };

  if (saved) {
    return (
      <Card style={{ maxWidth: 480 }}>
        <Result
          status={saved.log.flags.length > 0 ? 'warning' : 'success'}
          title={t('agri.visit.saved')}
          subTitle={
            saved.log.flags.length > 0 && (
              <div data-testid="visit-flags">
                {t('agri.visit.flags')}
                {saved.log.flags.map((f) => (
                  <div key={f}>
                    <b>{pickMsg(LOG_FLAG_NAMES[f])}</b>：{saved.log.flagNotes[f]}
                  </div>
                ))}
              </div>
            )
          }
          extra={
            <Space direction="vertical">
              <Link to={`/agri/service-logs/${saved.log.id}`}>{t('agri.log.view')}</Link>
              <Button
                onClick={() => {
                  setSaved(null);
                  setPhoto(null);
                  form.resetFields(['place', 'content']);
                }}
              >
                {t('agri.visit.another')}
              </Button>
            </Space>
          }
        />
      </Card>
    );
  }

  return (
    <Card title={t('agri.visit.title')} style={{ maxWidth: 480 }} styles={{ body: { padding: 16 } }}>
      {dispatches.data && options.length === 0 && <Alert type="info" message={t('agri.visit.noDispatch')} />}
      <Form<Values>
        form={form}
        layout="vertical"
        size="large"
        initialValues={{ when: chinaNow() }}
        onFinish={submit}
      >
        <Form.Item label={t('agri.visit.dispatch')} name="dispatchId" rules={[{ required: true }]}>
          <Select options={options} loading={dispatches.isLoading} />
        </Form.Item>
        <Form.Item label={t('agri.visit.when')} name="when" rules={[{ required: true }]}>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item label={t('agri.log.place')} name="place" rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
        <Form.Item>
          <Button icon={<EnvironmentOutlined />} onClick={locate} block>
            {t('agri.visit.locate')}
          </Button>
          {coords && (
            <Typography.Text type="secondary">
              {t('agri.visit.located', { lat: coords.lat.toFixed(4), lng: coords.lng.toFixed(4) })}
            </Typography.Text>
          )}
        </Form.Item>
        <Form.Item
          label={t('agri.log.content')}
          name="content"
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item label={t('agri.visit.photo')}>
          <label
            style={{
              display: 'block',
              border: '1px dashed #bbb',
              borderRadius: 8,
              padding: 16,
              textAlign: 'center',
              cursor: 'pointer',
            }}
          >
            <CameraOutlined style={{ fontSize: 24 }} />
            <div>{photo ? photo.name : t('agri.visit.choosePhoto')}</div>
            <input
              type="file"
              accept="image/jpeg,image/png"
              capture="environment"
              aria-label={t('agri.visit.photo')}
              style={{ display: 'none' }}
              onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
            />
          </label>
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={create.isPending || addPhoto.isPending}>
          {t('agri.visit.submit')}
        </Button>
      </Form>
    </Card>
  );
}
