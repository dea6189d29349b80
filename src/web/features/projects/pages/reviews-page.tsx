import { Alert, Card, Empty, Form, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { ASSIGNMENT_STATUSES } from '../../../../domain/contracts/projects-review';
import { formatDateTime } from '../../../app/format';
import { useT } from '../../../app/i18n';
import { ExportButton } from '../../../app/list/export-button';
import { FilterForm } from '../../../app/list/filter-form';
import { useListState } from '../../../app/list/use-list-state';
import { projectPaths, type ReviewItem, useReviewSummary, useReviews } from '../api';
import { useFieldName } from '../format';

type Status = ReviewItem['status'];
export const REVIEW_STATUS_COLORS: Record<Status, string> = {
  assigned: 'gold',
  accepted: 'blue',
  declined: 'default',
  submitted: 'green',
  replaced: 'default',
};

/** 评审任务: the applications assigned to this expert, and nothing else. */
export function ReviewsPage() {
  const t = useT();
  const fieldName = useFieldName();
  const [form] = Form.useForm<{ status?: Status }>();
  const list = useListState<{ status?: Status }>({});
  const reviews = useReviews(list.params);
  const summary = useReviewSummary();
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('menu.projects.reviews')}</h2>}
      extra={<ExportButton path={projectPaths.reviewsExport} query={list.exportQuery} />}
    >
      <FilterForm<{ status?: Status }>
        name="review-filters"
        form={form}
        label={t('list.filters')}
        onApply={list.applyFilters}
      >
        <Form.Item label={t('projects.review.status')} name="status">
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 140 }}
            options={ASSIGNMENT_STATUSES.map((s) => ({ value: s, label: t(`projects.review.status.${s}`) }))}
          />
        </Form.Item>
      </FilterForm>
      {summary.data && (
        <Alert
          type={summary.data.pending > 0 ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="review-summary"
          title={
            summary.data.pending > 0
              ? t('projects.review.left', {
                  pending: summary.data.pending,
                  toDeclare: summary.data.toDeclare,
                  submitted: summary.data.submitted,
                })
              : t('projects.review.allDone', { submitted: summary.data.submitted })
          }
          description={
            summary.data.nextDeadline
              ? t('projects.review.nextDeadline', { on: summary.data.nextDeadline })
              : undefined
          }
        />
      )}
      {reviews.isError && (
        <Alert type="error" showIcon title={reviews.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<ReviewItem>
        rowKey="id"
        dataSource={reviews.data?.items}
        loading={reviews.isFetching}
        pagination={list.pagination(reviews.data?.total)}
        onChange={list.onTableChange}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('projects.review.empty')} />,
        }}
        columns={[
          {
            title: t('projects.app.title'),
            key: 'title',
            render: (_, r) => (
              <div>
                <Link to={`/projects/reviews/${r.id}`}>{r.applicationTitle}</Link>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.callTitle}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          { title: t('projects.app.orgName'), key: 'org', render: (_, r) => r.orgName ?? '—' },
          { title: t('projects.app.field'), key: 'field', render: (_, r) => fieldName(r.field) },
          {
            title: t('projects.review.status'),
            key: 'status',
            render: (_, r) => (
              <Tag color={REVIEW_STATUS_COLORS[r.status]}>{t(`projects.review.status.${r.status}`)}</Tag>
            ),
          },
          {
            title: t('projects.review.deadlineCol'),
            key: 'deadline',
            render: (_, r) =>
              r.reviewClosesOn ? (
                <Typography.Text
                  type={
                    r.reviewClosesOn < today && (r.status === 'assigned' || r.status === 'accepted')
                      ? 'danger'
                      : undefined
                  }
                >
                  {r.reviewClosesOn}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
          { title: t('projects.score.total'), key: 'total', render: (_, r) => r.total ?? '—' },
          {
            title: t('projects.review.assignedAt'),
            key: 'created',
            render: (_, r) => formatDateTime(r.createdAt),
          },
          {
            title: t('projects.review.submittedAt'),
            key: 'submitted',
            render: (_, r) => formatDateTime(r.submittedAt),
          },
        ]}
      />
    </Card>
  );
}
