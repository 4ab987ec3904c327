import { useQuery } from '@tanstack/react-query';
import { Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { aftersalesApi } from '../../api/aftersales';
import { formatShanghai } from '../../lib/time';
import { StatusTag } from '../../components/StatusTag';

const STATUSES = [
  'recorded',
  'assessed',
  'assigned',
  'investigated',
  'resolution-proposed',
  'approved',
  'customer-notified',
  'closed',
  'reopened',
];

export function ComplaintsTable() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string | undefined>();
  const [canteenId, setCanteenId] = useState('');
  const complaints = useQuery({
    queryKey: ['complaints', status, canteenId],
    queryFn: () => aftersalesApi.complaints({ status, canteenId: canteenId || undefined }),
    refetchInterval: 5000,
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Select
          allowClear
          placeholder={t('common.status')}
          style={{ width: 180 }}
          onChange={(v?: string) => setStatus(v)}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Input.Search
          allowClear
          placeholder={t('as.canteenId')}
          onSearch={(v) => setCanteenId(v.trim())}
        />
      </Space>
      <Table
        size="small"
        rowKey="id"
        data-testid="complaints"
        dataSource={complaints.data ?? []}
        pagination={{ pageSize: 10 }}
        columns={[
          {
            title: 'ID',
            dataIndex: 'id',
            render: (id: string) => (
              <Link to={`/aftersales/complaints/${encodeURIComponent(id)}`}>{id}</Link>
            ),
          },
          {
            title: t('as.recordedAt'),
            dataIndex: 'recordedAt',
            render: (v: string) => formatShanghai(v),
          },
          { title: t('as.canteenId'), dataIndex: 'canteenId' },
          {
            title: t('as.category'),
            render: (_, c) =>
              `${t(`category.${c.category}`)} / ${t(`cause.${c.cause}`, { defaultValue: c.cause })}`,
          },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (s: string, c) => (
              <Space>
                <StatusTag status={s} />
                {c.specialCase && <Tag color="red">special</Tag>}
              </Space>
            ),
          },
          { title: t('as.description'), dataIndex: 'description', ellipsis: true },
        ]}
      />
    </Space>
  );
}
