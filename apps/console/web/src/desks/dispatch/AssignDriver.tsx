import { Button, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deliveryApi, type Delivery, type Driver } from '../../api/delivery';
import { ActionError } from '../../components/ActionError';
import { useAction } from '../../components/use-action';

/** R-DEL-3: the dispatcher gives a delivery to an active driver (reassign until pickup). */
export function AssignDriver({ delivery, drivers }: { delivery: Delivery; drivers: Driver[] }) {
  const { t } = useTranslation();
  const [driverId, setDriverId] = useState<string | undefined>(delivery.driverId);
  const assign = useAction(() => deliveryApi.assign(delivery.id, driverId ?? ''), {
    invalidate: [['deliveries']],
  });
  if (!['scheduled', 'assigned'].includes(delivery.status))
    return <span>{delivery.driverId ?? '—'}</span>;
  return (
    <div>
      <Space.Compact>
        <Select
          style={{ width: 160 }}
          value={driverId}
          onChange={setDriverId}
          aria-label={t('dispatch.driver')}
          data-testid={`driver-select-${delivery.id}`}
          options={drivers
            .filter((d) => d.active)
            .map((d) => ({ value: d.id, label: `${d.name} (${d.id})` }))}
        />
        <Button
          onClick={() => assign.run(undefined)}
          loading={assign.pending}
          data-testid={`assign-${delivery.id}`}
        >
          {t('dispatch.assign')}
        </Button>
      </Space.Compact>
      <ActionError error={assign.error} />
    </div>
  );
}
