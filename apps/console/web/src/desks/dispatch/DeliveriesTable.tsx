import { Descriptions, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Delivery, Driver } from '../../api/delivery';
import type { PortalDelivery } from '../../api/portal';
import { ProofImages } from '../../components/ProofImages';
import { byDeadline, deliveryFlag, type DeliveryFlag } from '../../lib/delivery-flags';
import { formatShanghai } from '../../lib/time';
import { AssignDriver } from './AssignDriver';
import { ForceMajeureButton } from './ForceMajeureButton';
import { StatusTag } from '../../components/StatusTag';

/** The proof of a delivered delivery (R-DEL-3): receiver, time, signature and photo. */
function ProofDetails({ delivery }: { delivery: PortalDelivery }) {
  const { t } = useTranslation();
  const proof = delivery.proof;
  if (!proof) return null;
  return (
    <Space orientation="vertical" data-testid="delivery-proof">
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t('portal.orders.receiver')}>
          {proof.receiverName}
        </Descriptions.Item>
        <Descriptions.Item label={t('portal.orders.receivedAt')}>
          {formatShanghai(proof.receivedAt)}
        </Descriptions.Item>
      </Descriptions>
      <ProofImages deliveryId={delivery.id} />
    </Space>
  );
}

const COLORS: Partial<Record<DeliveryFlag, string>> = {
  breached: 'red',
  'at-risk': 'orange',
  done: 'green',
};

export function DeliveriesTable({
  deliveries,
  drivers,
}: {
  deliveries: Delivery[];
  drivers: Driver[];
}) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="id"
      data-testid="deliveries"
      dataSource={byDeadline(deliveries)}
      pagination={{ pageSize: 20 }}
      expandable={{
        rowExpandable: (d) => Boolean(d.proof),
        expandedRowRender: (d) => <ProofDetails delivery={d} />,
      }}
      onRow={(d) => ({
        'data-flag': deliveryFlag(d),
        style: {
          background: { breached: '#fff1f0', 'at-risk': '#fff7e6' }[deliveryFlag(d) as string],
        },
      })}
      columns={[
        {
          title: t('dispatch.deadline'),
          dataIndex: 'deadline',
          render: (v: string) => formatShanghai(v),
        },
        {
          title: t('common.status'),
          filters: (['breached', 'at-risk', 'open', 'done', 'cancelled'] as const).map((f) => ({
            text: f,
            value: f,
          })),
          onFilter: (v, d) => deliveryFlag(d) === v,
          render: (_, d) => {
            const flag = deliveryFlag(d);
            return (
              <Space>
                <StatusTag status={d.status} />
                {flag === 'at-risk' && (
                  <Tag color="orange" data-testid="flag-at-risk">
                    {t('dispatch.atRisk')}
                  </Tag>
                )}
                {flag === 'breached' && (
                  <Tag color="red" data-testid="flag-breached">
                    {t('dispatch.breached')}
                  </Tag>
                )}
                {flag === 'done' && <Tag color={COLORS.done}>✓</Tag>}
              </Space>
            );
          },
        },
        { title: t('dispatch.canteen'), render: (_, d) => d.destination?.name ?? d.canteenId },
        { title: 'order', dataIndex: 'orderId', render: (v: string) => <code>{v}</code> },
        {
          title: t('dispatch.driver'),
          render: (_, d) => <AssignDriver delivery={d} drivers={drivers} />,
        },
        {
          title: t('common.actions'),
          render: (_, d) =>
            deliveryFlag(d) === 'done' ? null : <ForceMajeureButton delivery={d} />,
        },
      ]}
    />
  );
}
