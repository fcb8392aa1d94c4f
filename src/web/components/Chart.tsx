import type { EChartsOption } from 'echarts';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

// Only the chart types the admin draws: keeps the bundle to what is used.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/** One Apache ECharts chart (canvas) with a text label for screen readers. */
export function Chart({
  option,
  label,
  height = 260,
}: {
  option: EChartsOption;
  label: string;
  height?: number;
}) {
  return (
    <div role="img" aria-label={label} className="chart">
      <ReactEChartsCore
        echarts={echarts}
        option={{ animation: false, ...option }}
        notMerge
        style={{ height, width: '100%' }}
      />
    </div>
  );
}
