import { Alert, Form, Select, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { ASSIGNMENT_STATUSES } from '../../../../domain/contracts/projects-review';
import { useT } from '../../../app/i18n';
import { DayCell } from '../../../app/list/cells';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
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
  const list = useUrlListState<{ status?: Status }>();
  const reviews = useReviews(list.params);
  const summary = useReviewSummary();
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <ListPage<ReviewItem, { status?: Status }>
      title={t('menu.projects.reviews')}
      name="review-filters"
      list={list}
      query={reviews}
      exportPath={projectPaths.reviewsExport}
      defaultHidden={['created']}
      filterFields={
        <Form.Item label={t('projects.review.status')} name="status">
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 140 }}
            options={ASSIGNMENT_STATUSES.map((s) => ({ value: s, label: t(`projects.review.status.${s}`) }))}
          />
        </Form.Item>
      }
      notice={
        summary.data && (
          <Alert
            type={summary.data.pending > 0 ? 'warning' : 'success'}
            showIcon
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
        )
      }
      empty={{ filtered: t('projects.review.emptyFiltered'), none: t('projects.review.empty') }}
      columns={[
        {
          title: t('projects.app.title'),
          key: 'title',
          width: 300,
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
        { title: t('projects.app.orgName'), key: 'org', width: 200, render: (_, r) => r.orgName ?? '—' },
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
          render: (_, r) => <DayCell value={r.createdAt} />,
        },
        {
          title: t('projects.review.submittedAt'),
          key: 'submitted',
          render: (_, r) => <DayCell value={r.submittedAt} />,
        },
      ]}
    />
  );
}
