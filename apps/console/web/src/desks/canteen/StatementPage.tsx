import { useQuery } from '@tanstack/react-query';
import { Alert, Card, DatePicker, Descriptions, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { portalApi } from '../../api/portal';
import { useSession } from '../../auth/session-context';
import { formatYuan } from '../../lib/money';
import { formatShanghai, shanghaiDate } from '../../lib/time';

/** The canteen's monthly statement: goods accepted at the order prices, less credits from returns. */
export function StatementPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? shanghaiDate(new Date()).slice(0, 7);
  const canteenId = session?.canteenId ?? '';
  const statement = useQuery({
    queryKey: ['portal-statement', canteenId, month],
    queryFn: () => portalApi.statement(canteenId, month),
    enabled: Boolean(canteenId),
    refetchInterval: 5000,
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <DatePicker
        picker="month"
        aria-label={t('portal.statement.month')}
        value={dayjs(`${month}-01`)}
        allowClear={false}
        onChange={(d) =>
          setParams((p) => {
            if (d) p.set('month', d.format('YYYY-MM'));
            return p;
          })
        }
      />
      {statement.error && <Alert type="error" title={statement.error.message} />}
      {statement.data && (
        <>
          <Descriptions bordered size="small" column={3} data-testid="statement-totals">
            <Descriptions.Item label={t('portal.statement.delivered')}>
              {formatYuan(statement.data.delivered)}
            </Descriptions.Item>
            <Descriptions.Item label={t('portal.statement.credited')}>
              {formatYuan(statement.data.credited)}
            </Descriptions.Item>
            <Descriptions.Item label={t('portal.statement.balance')}>
              <strong data-testid="statement-balance">{formatYuan(statement.data.balance)}</strong>
            </Descriptions.Item>
          </Descriptions>
          <Card size="small" title={t('portal.statement.deliveries')}>
            <Table
              size="small"
              rowKey="orderId"
              data-testid="statement-deliveries"
              dataSource={statement.data.deliveries}
              pagination={{ pageSize: 20 }}
              columns={[
                {
                  title: t('portal.statement.deliveredAt'),
                  dataIndex: 'deliveredAt',
                  render: (v: string) => formatShanghai(v),
                },
                {
                  title: t('portal.statement.orderId'),
                  dataIndex: 'orderId',
                  render: (v: string) => <code>{v}</code>,
                },
                {
                  title: t('portal.statement.amount'),
                  dataIndex: 'amount',
                  render: (v: string) => formatYuan(v),
                },
              ]}
            />
          </Card>
          <Card size="small" title={t('portal.statement.credits')}>
            <Table
              size="small"
              rowKey="returnId"
              data-testid="statement-credits"
              dataSource={statement.data.credits}
              pagination={false}
              columns={[
                {
                  title: t('portal.statement.approvedAt'),
                  dataIndex: 'approvedAt',
                  render: (v: string) => formatShanghai(v),
                },
                { title: t('portal.statement.returnId'), dataIndex: 'returnId' },
                {
                  title: t('portal.statement.orderId'),
                  dataIndex: 'orderId',
                  render: (v: string) => <code>{v}</code>,
                },
                {
                  title: t('portal.statement.amount'),
                  dataIndex: 'amount',
                  render: (v: string) => `−${formatYuan(v)}`,
                },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
