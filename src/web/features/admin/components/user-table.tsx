import { Alert, Table, type TableColumnsType } from 'antd';
import type { User } from '../../../../domain/contracts/admin';
import type { useListState } from '../../../app/list/use-list-state';
import type { UserListQuery, useUsers } from '../api';

/** A page of users under the filters, or the server's error above it; the columns are the page's own. */
export function UserTable({
  users,
  list,
  columns,
}: {
  users: Pick<ReturnType<typeof useUsers>, 'isError' | 'error' | 'data' | 'isFetching'>;
  list: Pick<ReturnType<typeof useListState<UserListQuery>>, 'pagination' | 'onTableChange'>;
  columns: TableColumnsType<User>;
}) {
  return (
    <>
      {users.isError && (
        <Alert type="error" showIcon title={users.error?.message} style={{ marginBottom: 16 }} />
      )}
      <Table<User>
        rowKey="id"
        columns={columns}
        dataSource={users.data?.items}
        loading={users.isFetching}
        pagination={list.pagination(users.data?.total)}
        onChange={list.onTableChange}
        scroll={{ x: 'max-content' }}
      />
    </>
  );
}
