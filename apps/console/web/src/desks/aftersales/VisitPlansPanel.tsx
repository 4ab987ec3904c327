import { useQuery } from '@tanstack/react-query';
import { Button, Input, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { aftersalesApi } from '../../api/aftersales';
import { useCaller } from '../../auth/session-context';
import { ActionError } from '../../components/ActionError';
import { useAction } from '../../components/use-action';
import { shanghaiDate } from '../../lib/time';

function currentQuarter(): string {
  const [y, m] = shanghaiDate(new Date()).split('-').map(Number);
  return `${y}-Q${Math.ceil(m / 3)}`;
}

/** R-AS-17: each canteen's quarterly visit plan, split into months. */
export function VisitPlansPanel() {
  const { t } = useTranslation();
  const caller = useCaller();
  const [quarter, setQuarter] = useState(currentQuarter());
  const plans = useQuery({
    queryKey: ['visit-plans', quarter],
    queryFn: () => aftersalesApi.visitPlans(quarter),
  });
  const create = useAction(() => aftersalesApi.createVisitPlans(quarter), {
    invalidate: [['visit-plans', quarter]],
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Input
          addonBefore={t('as.quarter')}
          value={quarter}
          onChange={(e) => setQuarter(e.target.value)}
          style={{ width: 200 }}
        />
        {caller.role === 'aftersales-lead' && (
          <Button onClick={() => create.run(undefined)} loading={create.pending}>
            {t('as.plan')}
          </Button>
        )}
      </Space>
      <ActionError error={create.error} />
      <Table
        size="small"
        rowKey="id"
        dataSource={plans.data ?? []}
        columns={[
          { title: t('as.canteenId'), dataIndex: 'canteenId' },
          {
            title: t('proc.month'),
            render: (_, p) =>
              Object.entries(p.months)
                .map(([m, v]) => `${m}: ${v.done}/${v.planned}`)
                .join('；'),
          },
        ]}
      />
    </Space>
  );
}
