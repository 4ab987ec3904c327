import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OnTimeFigures, OnTimeReport } from '../../api/delivery';
import { ratePercent } from '../../lib/delivery-flags';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

function chartOf(rows: OnTimeFigures[], kind: 'bar' | 'line') {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 16, bottom: 40 },
    xAxis: { type: 'category', data: rows.map((r) => r.key) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: kind,
        data: rows.map((r) => ratePercent(r.onTimeRate)),
        itemStyle: { color: '#1677ff' },
      },
    ],
  };
}

/** R-DEL-8: on-time rate per day, driver and canteen (Apache ECharts). */
export default function OnTimeCharts({ report }: { report: OnTimeReport }) {
  const { t } = useTranslation();
  const charts = [
    ['perDay', report.byDay, 'line'],
    ['perDriver', report.byDriver, 'bar'],
    ['perCanteen', report.byCanteen, 'bar'],
  ] as const;
  return (
    <Row gutter={16} data-testid="on-time-charts">
      {charts.map(([key, rows, kind]) => (
        <Col span={8} key={key}>
          <Card size="small" title={`${t('dispatch.onTime')} · ${t(`dispatch.${key}`)}`}>
            <ReactEChartsCore
              echarts={echarts}
              option={chartOf(rows, kind)}
              style={{ height: 220 }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
