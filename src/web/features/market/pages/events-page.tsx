import { Button, List, Modal } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n';
import { ListPage } from '../../../app/list/list-page';
import { useUrlListState } from '../../../app/list/use-list-state';
import { type EventItem, exportPath, useEvent, useEvents } from '../api';

/** 成果推介会: each event's presented achievements and the contacts it led to. */
export function EventsPage() {
  const t = useT();
  const list = useUrlListState<Record<string, string | undefined>>('-heldOn');
  const events = useEvents(list.params);
  const [viewing, setViewing] = useState<string>();
  const detail = useEvent(viewing);
  const sorted = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });
  return (
    <>
      <ListPage
        title={t('menu.market.events')}
        name="market-event-filters"
        list={list}
        query={events}
        actionsWidth={80}
        columns={[
          { title: t('market.event.title'), dataIndex: 'title', width: 320, ...sorted('title') },
          { title: t('market.event.heldOn'), dataIndex: 'heldOn', width: 110, ...sorted('heldOn') },
          { title: t('market.event.venue'), dataIndex: 'venue', width: 200 },
          { title: t('market.event.attendees'), dataIndex: 'attendees', width: 90, ...sorted('attendees') },
          { title: t('market.event.presented'), dataIndex: 'presented', width: 100 },
          { title: t('market.event.contacts'), dataIndex: 'contacts', width: 100 },
        ]}
        actions={(e: EventItem) => (
          <Button type="link" size="small" onClick={() => setViewing(e.id)}>
            {t('market.view')}
          </Button>
        )}
        exportPath={exportPath('events')}
        empty={{ filtered: t('market.emptyFiltered'), none: t('market.emptyNone') }}
      />
      {viewing && (
        <Modal
          open
          width={760}
          title={detail.data?.event.title}
          footer={null}
          onCancel={() => setViewing(undefined)}
        >
          <List
            header={t('market.event.achievements')}
            size="small"
            loading={detail.isLoading}
            dataSource={detail.data?.achievements ?? []}
            pagination={{ pageSize: 10, showSizeChanger: false }}
            renderItem={(a) => (
              <List.Item>
                {a.title} — {a.ownerName}
              </List.Item>
            )}
          />
        </Modal>
      )}
    </>
  );
}
