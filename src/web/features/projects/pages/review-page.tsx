import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Result,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../app/api-client';
import { formatDateTime } from '../../../app/format';
import { useLocale, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import {
  type ReviewDetail,
  useDeclareNoConflict,
  useDeclineReview,
  useReview,
  useSubmitReview,
} from '../api';
import { ReasonField } from '../components/reason-field';
import { ReviewApplication } from '../components/review-application';
import { UUID, useFieldName } from '../format';
import { REVIEW_STATUS_COLORS } from './reviews-page';

/** One review: the application and the rubric; declare no conflict, then score and comment. */
export function ReviewPage() {
  const { id = '' } = useParams();
  const t = useT();
  const review = useReview(UUID.test(id) ? id : '00000000-0000-4000-8000-000000000000');
  if (!UUID.test(id) || (review.isError && isApiError(review.error) && review.error.status === 404))
    return (
      <Result
        status="404"
        title={t('projects.review.notFound')}
        extra={
          <Link to="/projects/reviews">
            <Button type="primary">{t('projects.back')}</Button>
          </Link>
        }
      />
    );
  if (review.isError) return <Result status="error" title={review.error.message} />;
  if (!review.data)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  return <ReviewSheet review={review.data} />;
}

interface ScoreValues {
  scores: Record<string, number>;
  comment: string;
}

function ReviewSheet({ review }: { review: ReviewDetail }) {
  const t = useT();
  const { locale } = useLocale();
  const fieldName = useFieldName();
  const { message, modal } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<ScoreValues>();
  const declare = useDeclareNoConflict(review.id);
  const submit = useSubmitReview(review.id);
  const [declining, setDeclining] = useState(false);
  const scores = Form.useWatch('scores', form);
  const total = review.rubric.reduce((s, c) => s + (Number(scores?.[c.code]) || 0), 0);
  const max = review.rubric.reduce((s, c) => s + c.max, 0);
  const readOnly = !review.abilities.submit;

  const onFinish = (v: ScoreValues) =>
    modal.confirm({
      title: t('projects.review.submitConfirm', { total }),
      content: t('projects.review.submitFinal'),
      okText: review.status === 'submitted' ? t('projects.review.resubmit') : t('projects.review.submit'),
      cancelText: t('common.cancel'),
      onOk: () =>
        submit.mutate(
          { scores: v.scores, comment: v.comment.trim(), version: review.version },
          {
            onSuccess: () => message.success(t('projects.review.submitted')),
            onError: (error) => onError(error, form),
          },
        ),
    });

  return (
    <div style={{ display: 'grid', gap: 16, gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <Card>
        <Link to="/projects/reviews" style={{ display: 'inline-block', marginBottom: 8 }}>
          <ArrowLeftOutlined /> {t('projects.back')}
        </Link>
        <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
          {review.applicationTitle}
        </Typography.Title>
        <Space wrap style={{ marginTop: 8 }}>
          <Tag color={REVIEW_STATUS_COLORS[review.status]}>
            {t(`projects.review.status.${review.status}`)}
          </Tag>
          <Typography.Text type="secondary">
            {review.orgName ?? '—'} · {fieldName(review.field)} · {review.callTitle}
          </Typography.Text>
        </Space>
        {review.reviewClosesOn && (
          <div style={{ marginTop: 8 }}>
            <Tag color="orange">{t('projects.review.deadline', { on: review.reviewClosesOn })}</Tag>
          </div>
        )}
        {review.noConflictDeclaredAt && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
            {t('projects.review.declaredAt', { at: formatDateTime(review.noConflictDeclaredAt) })}
          </Typography.Text>
        )}
      </Card>
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} xl={14}>
          <ReviewApplication review={review} />
        </Col>
        <Col xs={24} xl={10}>
          <div style={{ position: 'sticky', top: 16, display: 'grid', gap: 16 }}>
            {(review.abilities.declare || review.abilities.decline) && (
              <Card title={t('projects.review.conflictTitle')}>
                <Typography.Paragraph>{t('projects.review.conflictText')}</Typography.Paragraph>
                <Space>
                  {review.abilities.declare && (
                    <Button
                      type="primary"
                      loading={declare.isPending}
                      onClick={() =>
                        declare.mutate(undefined, {
                          onSuccess: () => message.success(t('projects.review.declared')),
                          onError: (error) => message.error(error.message),
                        })
                      }
                    >
                      {t('projects.review.declare')}
                    </Button>
                  )}
                  {review.abilities.decline && (
                    <Button danger onClick={() => setDeclining(true)}>
                      {t('projects.review.decline')}
                    </Button>
                  )}
                </Space>
              </Card>
            )}
            <Card
              title={t('projects.review.sheet')}
              extra={
                <Typography.Text strong>
                  {t('projects.review.totalOf', {
                    total: readOnly && review.total !== null ? review.total : total,
                    max,
                  })}
                </Typography.Text>
              }
            >
              {review.status === 'submitted' && review.abilities.submit && (
                <Alert
                  type="success"
                  showIcon
                  title={t('projects.review.canRevise')}
                  style={{ marginBottom: 16 }}
                />
              )}
              {!review.abilities.submit && review.status !== 'submitted' && (
                <Alert
                  type="info"
                  showIcon
                  title={t('projects.review.declareFirst')}
                  style={{ marginBottom: 16 }}
                />
              )}
              <Form<ScoreValues>
                form={form}
                name="score-form"
                layout="vertical"
                disabled={readOnly}
                onFinish={onFinish}
                initialValues={{ scores: review.scores ?? {}, comment: review.comment ?? '' }}
              >
                <Table
                  rowKey="code"
                  size="small"
                  pagination={false}
                  dataSource={review.rubric}
                  columns={[
                    {
                      title: t('projects.review.criterion'),
                      key: 'name',
                      render: (_, c) => (locale === 'en' ? c.nameEn : c.name),
                    },
                    { title: t('projects.call.maxPoints'), dataIndex: 'max', key: 'max', width: 100 },
                    {
                      title: t('projects.review.score'),
                      key: 'score',
                      width: 180,
                      render: (_, c) => (
                        <Form.Item
                          name={['scores', c.code]}
                          style={{ margin: 0 }}
                          rules={[
                            { required: true, message: t('projects.review.scoreRequired', { max: c.max }) },
                            {
                              // Refused, not cut down: a score above the maximum is a slip to correct.
                              validator: (_, v) =>
                                v === null || v === undefined || (v >= 0 && v <= c.max)
                                  ? Promise.resolve()
                                  : Promise.reject(
                                      new Error(
                                        t('projects.review.scoreRange', {
                                          name: locale === 'en' ? c.nameEn : c.name,
                                          max: c.max,
                                        }),
                                      ),
                                    ),
                            },
                          ]}
                        >
                          <InputNumber step={0.5} style={{ width: 120 }} aria-label={c.name} />
                        </Form.Item>
                      ),
                    },
                  ]}
                />
                <Form.Item
                  label={t('projects.score.comment')}
                  name="comment"
                  style={{ marginTop: 16 }}
                  rules={[
                    { required: true, whitespace: true, message: t('projects.review.commentRequired') },
                    { min: 10, message: t('projects.review.commentRequired') },
                    { max: 5000 },
                  ]}
                >
                  <Input.TextArea rows={5} maxLength={5000} showCount />
                </Form.Item>
                {review.abilities.submit && (
                  <Button type="primary" htmlType="submit" loading={submit.isPending}>
                    {review.status === 'submitted'
                      ? t('projects.review.resubmit')
                      : t('projects.review.submit')}
                  </Button>
                )}
              </Form>
            </Card>
          </div>
        </Col>
      </Row>
      {declining && <DeclineModal id={review.id} onClose={() => setDeclining(false)} />}
    </div>
  );
}

function DeclineModal({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<{ reason: string }>();
  const decline = useDeclineReview(id);
  return (
    <Modal
      open
      title={t('projects.review.decline')}
      okText={t('projects.review.decline')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={decline.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        name="decline-form"
        onFinish={(v) =>
          decline.mutate(
            { reason: v.reason.trim() },
            {
              onSuccess: () => {
                message.success(t('projects.review.declined'));
                onClose();
              },
              onError: (error) => onError(error, form),
            },
          )
        }
      >
        <ReasonField />
      </Form>
    </Modal>
  );
}
